/**
 * JSON with object keys sorted, so two params objects that are equal give the
 * same string whatever the order their keys were set in: the react-query key
 * of a view call, and the test of "the params changed since this result".
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
