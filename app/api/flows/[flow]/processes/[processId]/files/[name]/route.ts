import { Readable } from "node:stream";
import { z } from "zod";
import { withUser } from "@/app/platform";
import { storage } from "@/lib/controller/storage";
import { getProcessPage } from "@/lib/flow/inbox/get-process-page";
import { FLOW_FILES_WORKSPACE } from "@/lib/jobs/job-services";
import { refuse } from "@/lib/result";

export const dynamic = "force-dynamic";

const params = z.object({ flow: z.string().max(100), processId: z.string().max(100), name: z.string().max(300) });
const NO_FILE = "There is no such file, or you may not see it.";

// GET /api/flows/:flow/processes/:processId/files/:name: a file a job of the process stored (e.g. the report PDF), for whoever may see the process.
export const GET = withUser({ params }, async ({ params: { flow, processId, name }, user }) => {
  const page = await getProcessPage(user, { flow, processId });
  if (page === "not_found" || page === "forbidden") return refuse("not_found", NO_FILE);
  const file = page.files.find((candidate) => candidate.name === name);
  const stored = file ? await storage(FLOW_FILES_WORKSPACE).get(`${processId}/${name}`) : null;
  if (!file || !stored) return refuse("not_found", NO_FILE);
  return new Response(Readable.toWeb(stored.body) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
