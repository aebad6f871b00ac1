import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Inbox" };

// GET /inbox: the tasks assigned to the signed-in user.
export default async function InboxPage() {
  await requireUser("engineer", "reviewer", "admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      <EmptyState title="No tasks for you">Tasks assigned to you will appear here as soon as a process needs you.</EmptyState>
    </div>
  );
}
