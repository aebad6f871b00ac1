import { isPermitted } from "@/lib/flow";
import type { Actor } from "@/lib/flow/runtime";
import { installed } from "@/lib/installation/install";

/**
 * The flows the user may start for an entity: those whose start node's form takes an `entityId`
 * (the editor passes it with the entity's current saved version as `revision` and a `summary`)
 * and whose permission admits the user. Labelled with the start node's title ("Submit for review").
 */
export function flowsForEntity(actor: Actor): { flow: string; label: string }[] {
  return installed().flows.flows.flatMap((flow) =>
    Object.values(flow.nodes).flatMap((node) => {
      if (node.kind !== "start" || !("entityId" in node.form.shape)) return [];
      if (!isPermitted(node.permission, { user: actor })) return [];
      return [{ flow: flow.name, label: typeof node.title === "string" ? node.title : flow.name }];
    }),
  );
}
