import { z } from "zod";
import { withUser } from "@/app/platform";
import { listTreePage } from "@/lib/entities/list-tree";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const query = z.object({
  parent: z.string().max(100).nullish(),
  after: z.string().max(2000).nullish(),
  before: z.string().max(2000).nullish(),
  around: z.string().max(100).nullish(),
});

// GET /api/entities/tree?parent=ID&after|before=CURSOR|around=ID: a page of the editor's tree, the roots without `parent` (lib/entities/list-tree.ts).
export const GET = withUser({ query }, async ({ query: { parent, after, before, around }, user }) => {
  const page = await listTreePage(user, { parentId: parent || null, after, before, around });
  return page ? succeed(page) : refuse("not_found", "There is no such entity, or you may not see it.");
});
