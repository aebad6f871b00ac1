import type pg from "pg";
import type { CallValue } from "@/lib/controller/run-call";
import type { Failure, Result } from "@/lib/result";
import type { CallStatus } from "./long-call";

/** A call as its user sees it. */
export interface CallState {
  readonly id: string;
  readonly status: CallStatus;
  readonly progress: number;
  readonly message: string | null;
  readonly attempts: number;
  /** Set once finished. */
  readonly outcome: Result<CallValue> | null;
}

const READ = `
  SELECT id, status, progress, message, attempts, result, failure
    FROM long_call WHERE id = $1 AND "userId" = $2`;

type Row = {
  id: string;
  status: CallStatus;
  progress: number;
  message: string | null;
  attempts: number;
  result: CallValue;
  failure: Failure | null;
};

const CANCELLED: Failure = { code: "cancelled", message: "Cancelled.", fields: [] };

/** The call's state, or null when there is no such call or it is another user's (both read "not found"). */
export async function readLongCall(db: Pick<pg.Pool, "query">, userId: string, callId: string): Promise<CallState | null> {
  const { rows } = await db.query<Row>(READ, [callId, userId]);
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, status: row.status, progress: row.progress, message: row.message, attempts: row.attempts, outcome: outcomeOf(row) };
}

function outcomeOf(row: Row): Result<CallValue> | null {
  switch (row.status) {
    case "done":
      return { ok: true, value: row.result };
    case "failed":
      return {
        ok: false,
        failure: row.failure ?? { code: "internal", message: "The call failed.", fields: [], reference: row.id.slice(0, 8) },
      };
    case "cancelled":
      return { ok: false, failure: row.failure ?? CANCELLED };
    default:
      return null;
  }
}
