import { z } from "zod";
import { withUser } from "@/app/platform";
import { searchEntities } from "@/lib/entities/search-entities";
import { succeed } from "@/lib/result";

export const dynamic = "force-dynamic";

const query = z.object({ q: z.string().max(200), type: z.string().max(100).nullish() });

// GET /api/entities/search?q=TEXT&type=TYPE: the entities the user may see whose name holds the text, with their paths.
export const GET = withUser({ query }, async ({ query: { q, type }, user }) =>
  succeed({ hits: await searchEntities(user, { text: q, type }) }),
);
