import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal values give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}

export function stableHash(value: unknown): string {
  return createHash("sha256")
    .update(stableStringify(value) ?? "undefined")
    .digest("hex");
}
