import type { DataItem } from "@/lib/controller";
import { dispatchCall } from "@/lib/controller/dispatch-call";
import type { EntityType } from "@/lib/installation/entity-type";

/** One stored summary value, as lists show it. */
export interface SummaryValue {
  readonly label: string;
  readonly value: DataItem["value"];
  readonly suffix?: string;
  readonly decimals?: number;
}

/**
 * @internal The summary of valid params: for each summary item the type's controller declares, the
 * data view's item of that label (`Group > Item` for a nested one). A view that fails leaves its
 * items out; a save never fails for its summary. `{}` for a type without a controller or summary.
 */
export async function computeSummary(
  type: EntityType,
  entity: { id: string; name: string },
  params: unknown,
): Promise<Record<string, SummaryValue>> {
  const controller = type.controller;
  if (!controller || Object.keys(controller.summary).length === 0) return {};
  const results = new Map<string, Promise<readonly DataItem[] | null>>();
  const itemsOf = (view: string) => {
    if (!results.has(view)) {
      results.set(
        view,
        dispatchCall({ entity: { ...entity, type: type.name }, controller }, { kind: "view", name: view, params }, { log: () => {} }).then(
          (outcome) => (outcome.ok && "kind" in outcome.value && outcome.value.kind === "data" ? outcome.value.items : null),
        ),
      );
    }
    return results.get(view)!;
  };
  const summary: Record<string, SummaryValue> = {};
  for (const [key, entry] of Object.entries(controller.summary)) {
    const item = findItem(
      (await itemsOf(entry.view)) ?? [],
      entry.item.split(">").map((part) => part.trim()),
    );
    if (!item) continue;
    summary[key] = {
      label: entry.label,
      value: item.value,
      ...(item.suffix !== undefined ? { suffix: item.suffix } : {}),
      ...(item.decimals !== undefined ? { decimals: item.decimals } : {}),
    };
  }
  return summary;
}

function findItem(items: readonly DataItem[], labels: readonly string[]): DataItem | null {
  const [first, ...rest] = labels;
  const item = items.find((candidate) => candidate.label === first);
  if (!item) return null;
  return rest.length === 0 ? item : findItem(item.children ?? [], rest);
}
