import { NextResponse } from "next/server";
import { installed } from "@/lib/installation/install";
import { withUser } from "@/app/platform";
import { describeViews } from "@/lib/controller/describe-views";

// GET /api/entity-types/:type: an entity type's label and the views the editor shows as tabs.
export const GET = withUser(
  async (_request, { params }) => {
    const { type: name } = (await params) as { type: string };
    const type = installed().entityType(name);
    if (!type) return NextResponse.json({ error: `There is no entity type "${name}".` }, { status: 404 });
    return NextResponse.json(
      { name: type.name, label: type.label, views: describeViews(type.controller) },
      { headers: { "cache-control": "private, max-age=60" } },
    );
  },
  { permission: "app.use" },
);
