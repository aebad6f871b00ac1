import type { Metadata } from "next";
import { FlowGraphView } from "@/components/flow-graph/flow-graph-view";
import { requireUser } from "@/app/platform";
import { flowGraph } from "@/lib/flow";
import { flowNodeCounts, type NodeCounts } from "@/lib/flow/inbox/flow-node-counts";
import { installed } from "@/lib/installation/install";

export const metadata: Metadata = { title: "Flows" };

// GET /flows: every registered flow drawn as a graph, with running, done and errored counts per node.
export default async function FlowsPage() {
  await requireUser("app.use");
  const counts = await flowNodeCounts();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Flows</h1>
      {installed().flows.flows.map((flow) => {
        const perNode: Record<string, NodeCounts> = {};
        for (const name of Object.keys(flow.nodes)) perNode[name] = counts[`${flow.name}/${name}`] ?? { running: 0, done: 0, error: 0 };
        return (
          <section key={flow.name} className="space-y-2">
            <h2 className="text-lg font-medium">
              {flow.name} <span className="text-sm font-normal text-slate-500">version {flow.version}</span>
            </h2>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
              <FlowGraphView graph={flowGraph(flow)} counts={perNode} label={`The ${flow.name} flow`} />
            </div>
          </section>
        );
      })}
    </div>
  );
}
