import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/app/platform";
import { appOrigin } from "@/lib/auth/auth";
import { sameOriginPath } from "@/lib/auth/same-origin-path";

export const metadata: Metadata = { title: "Sign in" };

// GET /sign-in: public; a signed-in visitor is sent on.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = sameOriginPath((await searchParams).next, appOrigin);
  if (await currentUser()) redirect(next);
  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <div aria-hidden className="mx-auto grid h-10 w-10 place-items-center rounded-lg bg-brand-600 text-lg font-semibold text-white">
            G
          </div>
          <h1 className="text-xl font-semibold">Sign in to Gusset</h1>
          <p className="text-sm text-slate-500">Parametric models, reviews and their workflow.</p>
        </div>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
