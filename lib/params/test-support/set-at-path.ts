/**
 * A copy of `value` with the value at `path` (written as in errors: `rows.points[0].x`) replaced,
 * or deleted when `replacement` is `undefined`.
 */
export function setAtPath(value: unknown, path: string, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const segments = [...path.matchAll(/[^.[\]]+|\[(\d+)\]/g)].map((match) => (match[1] === undefined ? match[0] : Number(match[1])));
  const last = segments.pop();
  if (last === undefined) return replacement;
  const parent = segments.reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], copy) as Record<
    string | number,
    unknown
  >;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}
