import type { ReactNode } from "react";
import { LiveFlow } from "@/components/inbox/live-flow";
import { AppHeader } from "@/components/ui/app-header";
import { currentUser } from "@/app/platform";
import { BaseMapProvider } from "@/components/views/map/base-map-context";
import { countOpenTasks } from "@/lib/flow/inbox/count-open-tasks";
import { baseMapOf } from "@/lib/map/base-map";

// The header only, and the live flow events once for every signed-in page; each page still checks
// access itself (lib/auth/guard.ts).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const openTasks = user ? await countOpenTasks(user) : 0;
  return (
    <>
      <AppHeader user={user} openTasks={openTasks} />
      {user && <LiveFlow />}
      <main className="mx-auto max-w-6xl px-4 py-8">
        <BaseMapProvider baseMap={baseMapOf()}>{children}</BaseMapProvider>
      </main>
    </>
  );
}
