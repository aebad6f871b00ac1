import type { TaskText } from "./options";
import type { FlowContext } from "./types";

/** A node or flow name in words: "checkCost" → "Check cost", "design-review" → "Design review". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_\s]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Texts<D> {
  readonly name: string;
  readonly title?: TaskText<D>;
  readonly description?: TaskText<D>;
}

/**
 * A node's title: its text, computed from `ctx` when it is a function, else the name in words.
 * Without `ctx` (drawing the flow), a computed title falls back to the name in words.
 */
export function titleOf<D>(node: Texts<D>, ctx?: FlowContext<D>): string {
  return textOf(node.title, ctx) ?? humanize(node.name);
}

/** A node's description, or "" when it has none (or it is computed and there is no `ctx`). */
export function descriptionOf<D>(node: Texts<D>, ctx?: FlowContext<D>): string {
  return textOf(node.description, ctx) ?? "";
}

function textOf<D>(text: TaskText<D> | undefined, ctx: FlowContext<D> | undefined): string | undefined {
  if (typeof text === "string") return text;
  return text !== undefined && ctx !== undefined ? text(ctx) : undefined;
}
