import { NextResponse } from "next/server";
import { z } from "zod";
import { installed } from "@/lib/installation/install";
import { withUser } from "@/app/platform";
import { respondWithNewLongCall } from "@/lib/calls/respond-with-long-call";
import { isLong } from "@/lib/controller/buttons";
import { buttonDisabledReason } from "@/lib/controller/button-disabled-reason";
import { callButton } from "@/lib/controller/call-button";
import type { CallOutcome } from "@/lib/controller/call-view";
import { respondToViewCall } from "@/lib/controller/respond-to-view-call";
import { pool } from "@/lib/db/pool";
import { findEntityToRun } from "@/lib/entities/get-entity";

export const dynamic = "force-dynamic";

const body = z.object({ params: z.unknown(), check: z.boolean().optional(), callId: z.uuid().optional() });
const NOT_FOUND = { ok: false, failure: { kind: "not_found", message: "There is no such entity, or you may not see it." } } as const;

// POST /api/entities/:id/buttons/:button: runs one button on the posted params (or, with `check`, says only whether it is disabled and why).
export const POST = withUser(
  async (request, { params, user }) => {
    const { id, button } = (await params) as { id: string; button: string };
    const parsed = body.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success)
      return NextResponse.json({ ok: false, failure: { kind: "input", message: "Send { params } as JSON.", fields: [] } }, { status: 400 });
    const entity = await findEntityToRun(user, id);
    const controller = entity && installed().entityType(entity.type)?.controller;
    if (!entity || !controller) return NextResponse.json(NOT_FOUND, { status: 404 });
    if (parsed.data.check) {
      const reason = buttonDisabledReason(controller, button, parsed.data.params);
      return reason === undefined ? NextResponse.json(NOT_FOUND, { status: 404 }) : NextResponse.json({ ok: true, disabled: reason });
    }
    // An action changes something outside the entity ("send to the fabricator"): only for those who may edit it.
    if (Object.hasOwn(controller.buttons, button) && controller.buttons[button]!.kind === "action" && !entity.canEdit) {
      return NextResponse.json(
        { ok: false, failure: { kind: "user", message: "You may read this entity but not act on it." } },
        { status: 403 },
      );
    }
    // A long button runs in the job queue (lib/calls); the browser follows its progress.
    if (Object.hasOwn(controller.buttons, button) && isLong(controller.buttons[button]!)) {
      return respondWithNewLongCall(request, pool, {
        id: parsed.data.callId,
        userId: user.id,
        entityId: entity.id,
        kind: "button",
        name: button,
        params: parsed.data.params,
      });
    }
    const who = { id: entity.id, name: entity.name, type: entity.type };
    // respondToViewCall only serialises the outcome (JSON, or NDJSON progress then the outcome),
    // so a button's outcome goes through it as it is.
    return respondToViewCall(
      request,
      async (options) => (await callButton(controller, button, parsed.data.params, { ...options, entity: who })) as unknown as CallOutcome,
    );
  },
  { permission: "app.use" },
);
