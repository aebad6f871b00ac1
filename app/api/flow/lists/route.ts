import { z } from "zod";
import { withUser } from "@/app/platform";
import { can } from "@/lib/auth/permissions";
import { findEntityToRun } from "@/lib/entities/get-entity";
import { countOpenTasks } from "@/lib/flow/inbox/count-open-tasks";
import { listEntityProcesses } from "@/lib/flow/inbox/get-process-page";
import { listArchive, listStartedProcesses } from "@/lib/flow/inbox/list-archive";
import { listErrorQueue } from "@/lib/flow/inbox/list-error-queue";
import { listInbox } from "@/lib/flow/inbox/list-inbox";
import { listQueue } from "@/lib/flow/inbox/list-queue";
import { refuse, succeed } from "@/lib/result";

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
// (react-query refetches it live); ?list=entity&entity=ID&cursor: a page of the processes of an entity the user may see.
export const GET = withUser({ query }, async ({ query: { list, entity, ...filters }, user }) => {
  switch (list) {
    case "inbox":
      return succeed(await listInbox(user, filters));
    case "queue":
      return succeed(await listQueue(user, filters));
    case "archive":
      return succeed(await listArchive(user, filters));
    case "started":
      return succeed(await listStartedProcesses(user, filters));
    case "count":
      return succeed({ count: await countOpenTasks(user) });
    case "entity": {
      // Whether the user may see the entity: the one access statement of view calls (lib/entities/get-entity.ts).
      if (!entity || !(await findEntityToRun(user, entity))) return refuse("not_found", "There is no such entity, or you may not see it.");
      return succeed(await listEntityProcesses(entity, filters.cursor ?? null));
    }
    case "errors":
      if (!can(user, "flow.manage")) return refuse("forbidden", "Only admins see the error queue.");
      return succeed(await listErrorQueue(user, filters));
  }
});
