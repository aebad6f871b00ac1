import type { ReactNode } from "react";
import { AppHeader } from "@/components/ui/app-header";
import { currentUser } from "@/lib/auth/guard";

// The header only; each page still checks access itself (lib/auth/guard.ts).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
