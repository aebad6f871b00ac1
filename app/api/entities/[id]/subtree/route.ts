import { z } from "zod";
import { withUser } from "@/app/platform";
import { countSubtree } from "@/lib/entities/count-subtree";
import { refuse, succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().max(100) });

// GET /api/entities/:id/subtree: how many entities it holds at any depth (the delete dialog says how many go).
export const GET = withUser({ params }, async ({ params: { id }, user }) => {
  const count = await countSubtree(user, id);
  return count ? succeed(count) : refuse("not_found", "There is no such entity, or you may not see it.");
});
