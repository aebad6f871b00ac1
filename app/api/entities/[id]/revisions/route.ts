import { NextResponse } from "next/server";
import { withUser } from "@/app/platform";
import { listRevisions } from "@/lib/entities/list-revisions";

export const dynamic = "force-dynamic";

// GET /api/entities/:id/revisions: the entity's saved versions, newest first, with their params (for the diff).
export const GET = withUser(
  async (_request, { params, user }) => {
    const { id } = (await params) as { id: string };
    const revisions = await listRevisions(user, id);
    if (!revisions) return NextResponse.json({ error: "There is no such entity, or you may not see it." }, { status: 404 });
    return NextResponse.json({ revisions });
  },
  { permission: "app.use" },
);
