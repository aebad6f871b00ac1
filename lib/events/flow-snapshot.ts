/**
 * Which flow changes a server-rendered page already shows. Every flow notification carries `tx`, the
 * id of the transaction that committed it (`pg_current_xact_id()`); every live page is rendered with
 * the PostgreSQL snapshot it read (`pg_current_snapshot()`, lib/flow/inbox/read-flow-snapshot.ts).
 * A change is in the page exactly when its transaction is visible in that snapshot, so a page that
 * mounts after hearing of a change its snapshot does not hold knows it is stale (the change committed
 * while the page was on its way) and refreshes. Pure: the browser runs it (components/live).
 */

/** `pg_current_snapshot()` as text: `xmin:xmax:xip,…` (PostgreSQL's pg_snapshot). */
export type FlowSnapshot = string;

interface ParsedSnapshot {
  readonly xmin: bigint;
  readonly xmax: bigint;
  readonly inProgress: ReadonlySet<bigint>;
}

function parse(snapshot: FlowSnapshot): ParsedSnapshot | null {
  const match = /^(\d+):(\d+):([\d,]*)$/.exec(snapshot);
  if (!match) return null;
  const inProgress = new Set(match[3] ? match[3].split(",").map((xid) => BigInt(xid)) : []);
  return { xmin: BigInt(match[1]!), xmax: BigInt(match[2]!), inProgress };
}

/**
 * Whether transaction `tx` had committed for a reader of `snapshot`, by PostgreSQL's rule
 * (`pg_visible_in_snapshot`): below xmin, or below xmax and not in progress. A value that is not a
 * snapshot or not a transaction id answers false (not shown, so the page refreshes: a wasted
 * refresh costs less than a stale page).
 */
export function isCommittedIn(snapshot: FlowSnapshot, tx: string): boolean {
  const parsed = parse(snapshot);
  if (!parsed || !/^\d+$/.test(tx)) return false;
  const xid = BigInt(tx);
  if (xid < parsed.xmin) return true;
  return xid < parsed.xmax && !parsed.inProgress.has(xid);
}
