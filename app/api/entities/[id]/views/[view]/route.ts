import { NextResponse } from "next/server";
import { z } from "zod";
import { installed } from "@/lib/installation/install";
import { withUser } from "@/app/platform";
import { respondWithNewLongCall } from "@/lib/calls/respond-with-long-call";
import { compute } from "@/lib/controller/compute";
import { respondToViewCall } from "@/lib/controller/respond-to-view-call";
import { isSlow } from "@/lib/controller/views";
import { pool } from "@/lib/db/pool";
import { findEntityToRun } from "@/lib/entities/get-entity";

export const dynamic = "force-dynamic";

const body = z.object({ params: z.record(z.string(), z.unknown()), callId: z.uuid().optional() });
const NOT_FOUND = { ok: false, failure: { kind: "not_found", message: "There is no such entity, or you may not see it." } } as const;

// POST /api/entities/:id/views/:view: runs one view on the posted params (the editor's, saved or not); a slow one through the job queue (lib/calls).
export const POST = withUser(
  async (request, { params, user }) => {
    const { id, view } = (await params) as { id: string; view: string };
    const parsed = body.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success)
      return NextResponse.json(
        { ok: false, failure: { kind: "input", message: "Send { params: { … } } as JSON.", fields: [] } },
        { status: 400 },
      );
    const entity = await findEntityToRun(user, id);
    const controller = entity && installed().entityType(entity.type)?.controller;
    if (!entity || !controller) return NextResponse.json(NOT_FOUND, { status: 404 });
    if (Object.hasOwn(controller.views, view) && isSlow(controller.views[view]!)) {
      return respondWithNewLongCall(request, pool, {
        id: parsed.data.callId,
        userId: user.id,
        entityId: entity.id,
        kind: "view",
        name: view,
        params: parsed.data.params,
      });
    }
    return respondToViewCall(request, (options) =>
      compute({ id: entity.id, name: entity.name, type: entity.type, controller }, view, parsed.data.params, options),
    );
  },
  { permission: "app.use" },
);
