import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <p className="text-sm font-semibold text-red-600">403</p>
        <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
        <p className="text-slate-600">Your account does not hold the role this page needs. Ask an admin if you should.</p>
        <Link href="/" className={`inline-block ${buttonClass({ variant: "primary", size: "lg" })}`}>
          Back to home
        </Link>
      </div>
    </main>
  );
}
