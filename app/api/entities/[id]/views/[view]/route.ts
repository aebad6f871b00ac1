import { NextResponse } from "next/server";
import { z } from "zod";
import { entityTypeNamed } from "@/definitions/registry";
import { withUser } from "@/lib/auth/guard";
import { compute } from "@/lib/controller/compute";
import { respondToViewCall } from "@/lib/controller/respond-to-view-call";
import { findEntityToRun } from "@/lib/entities/get-entity";

export const dynamic = "force-dynamic";

const body = z.object({ params: z.record(z.string(), z.unknown()) });
const NOT_FOUND = { ok: false, failure: { kind: "not_found", message: "There is no such entity, or you may not see it." } } as const;

// POST /api/entities/:id/views/:view: runs one view on the posted params (the editor's, saved or not).
export const POST = withUser(
  async (request, { params, user }) => {
    const { id, view } = (await params) as { id: string; view: string };
    const parsed = body.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return NextResponse.json({ ok: false, failure: { kind: "input", message: "Send { params: { … } } as JSON.", fields: [] } }, { status: 400 });
    const entity = await findEntityToRun(user, id);
    const controller = entity && entityTypeNamed(entity.type)?.controller;
    if (!entity || !controller) return NextResponse.json(NOT_FOUND, { status: 404 });
    return respondToViewCall(request, (options) => compute({ id: entity.id, name: entity.name, type: entity.type, controller }, view, parsed.data.params, options));
  },
  { roles: ["engineer", "reviewer", "admin"] },
);
