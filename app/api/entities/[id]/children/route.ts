import { z } from "zod";
import { withUser } from "@/app/platform";
import { listChildren } from "@/lib/entities/list-children";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });
const query = z.object({ after: z.string().max(2000).nullish() });

// GET /api/entities/:id/children?after=CURSOR: a page of the entity's children as its Contents table shows them.
export const GET = withUser({ params, query }, async ({ params: { id }, query: { after }, user }) => {
  const page = await listChildren(user, id, { after });
  return page ? succeed(page) : refuse("not_found", "There is no such entity, or you may not see it.");
});
