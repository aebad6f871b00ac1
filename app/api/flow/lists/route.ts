import { NextResponse } from "next/server";
import { z } from "zod";
import { withUser } from "@/app/platform";
import { canRead } from "@/lib/entities/access";
import { loadEntityAccess } from "@/lib/entities/load-access";
import { countOpenTasks } from "@/lib/flow/inbox/count-open-tasks";
import { listArchive, listStartedProcesses } from "@/lib/flow/inbox/list-archive";
import { listErrorQueue } from "@/lib/flow/inbox/list-error-queue";
import { listEntityProcesses } from "@/lib/flow/inbox/get-process-page";
import { listInbox } from "@/lib/flow/inbox/list-inbox";
import { listQueue } from "@/lib/flow/inbox/list-queue";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

const query = z.object({
  list: z.enum(["inbox", "queue", "archive", "started", "errors", "count", "entity"]),
  entity: z.string().max(100).nullish(),
  flow: z.string().max(100).nullish(),
  status: z.string().max(20).nullish(),
  node: z.string().max(100).nullish(),
  search: z.string().max(200).nullish(),
  cursor: z.string().max(400).nullish(),
});

// GET /api/flow/lists?list=inbox|queue|archive|started|errors|count&flow&status&search&cursor: a page of the signed-in user's list
// (react-query refetches it live); ?list=entity&entity=ID: the processes of an entity the user may see.
export const GET = withUser(
  async (request, { user }) => {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return NextResponse.json({ error: "That request was not understood." }, { status: 400 });
    const { list, entity, ...filters } = parsed.data;
    switch (list) {
      case "inbox":
        return NextResponse.json(await listInbox(user, filters));
      case "queue":
        return NextResponse.json(await listQueue(user, filters));
      case "archive":
        return NextResponse.json(await listArchive(user, filters));
      case "started":
        return NextResponse.json(await listStartedProcesses(user, filters));
      case "count":
        return NextResponse.json({ count: await countOpenTasks(user) });
      case "entity": {
        const access = entity ? await loadEntityAccess(entity) : null;
        if (!entity || !access || !canRead(user, access))
          return NextResponse.json({ error: "There is no such entity, or you may not see it." }, { status: 404 });
        return NextResponse.json(await listEntityProcesses(entity));
      }
      case "errors":
        if (!can(user, "flow.manage")) return NextResponse.json({ error: "Only admins see the error queue." }, { status: 403 });
        return NextResponse.json(await listErrorQueue(user, filters));
    }
  },
  { permission: "app.use" },
);
