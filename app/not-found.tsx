import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="text-2xl font-semibold">Nothing here</h1>
        <p className="text-slate-600">The page does not exist, or you may not see it.</p>
        <Link href="/" className={`inline-block ${buttonClass({ variant: "primary", size: "lg" })}`}>
          Back to home
        </Link>
      </div>
    </main>
  );
}
