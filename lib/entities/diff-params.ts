/**
 * One difference between two params objects, at a path written as the validator writes them
 * (`loads.pointLoads[1].F`). A row added to or removed from a table is one change for the whole row.
 */
export interface ParamsChange {
  readonly path: string;
  readonly kind: "changed" | "added" | "removed";
  /** The value before (absent for "added"). */
  readonly before?: unknown;
  /** The value after (absent for "removed"). */
  readonly after?: unknown;
}

/**
 * Every difference between two params objects, in layout order (keys as they come, rows by index).
 * Pure and total: any JSON in, never throws; used by the history's diff and the conflict banner, in
 * the browser and on the server alike.
 */
export function diffParams(before: unknown, after: unknown): ParamsChange[] {
  const changes: ParamsChange[] = [];
  walk(before, after, "", changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, changes: ParamsChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) {
      const at = path === "" ? key : `${path}.${key}`;
      if (!Object.hasOwn(after, key)) changes.push({ path: at, kind: "removed", before: before[key] });
      else if (!Object.hasOwn(before, key)) changes.push({ path: at, kind: "added", after: after[key] });
      else walk(before[key], after[key], at, changes);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && (before.some(isRecord) || after.some(isRecord))) {
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      const at = `${path}[${index}]`;
      if (index >= after.length) changes.push({ path: at, kind: "removed", before: before[index] });
      else if (index >= before.length) changes.push({ path: at, kind: "added", after: after[index] });
      else walk(before[index], after[index], at, changes);
    }
    return;
  }
  // Scalars, and lists of scalars (a multi-select), change as a whole.
  if (!sameJson(before, after)) changes.push({ path, kind: "changed", before, after });
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
