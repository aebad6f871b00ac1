import { NextResponse } from "next/server";
import { Readable } from "node:stream";
import { withUser } from "@/app/platform";
import { storage } from "@/lib/controller/storage";
import { getProcessPage } from "@/lib/flow/inbox/get-process-page";
import { FLOW_FILES_WORKSPACE } from "@/lib/jobs/job-services";

export const dynamic = "force-dynamic";

// GET /api/flows/:flow/processes/:processId/files/:name: a file a job of the process stored (e.g. the report PDF), for whoever may see the process.
export const GET = withUser(
  async (_request, { params, user }) => {
    const { flow, processId, name } = (await params) as { flow: string; processId: string; name: string };
    const page = await getProcessPage(user, { flow, processId });
    if (page === "not_found" || page === "forbidden")
      return NextResponse.json({ error: "There is no such file, or you may not see it." }, { status: 404 });
    const file = page.files.find((candidate) => candidate.name === name);
    const stored = file ? await storage(FLOW_FILES_WORKSPACE).get(`${processId}/${name}`) : null;
    if (!file || !stored) return NextResponse.json({ error: "There is no such file, or you may not see it." }, { status: 404 });
    return new Response(Readable.toWeb(stored.body) as ReadableStream, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      },
    });
  },
  { permission: "app.use" },
);
