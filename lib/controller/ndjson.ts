/**
 * Progress of a slow view or long button travels as NDJSON on the same POST that
 * starts it: one JSON object a line. A call run by a job worker (lib/calls) first
 * says its id, `{ "call": "…" }`, so a client whose stream breaks can follow it
 * again (`GET /api/calls/:id`); then `{ "progress": 0.4, "message": "…" }` while
 * it runs, then the outcome `{ "ok": … }` as the last line. Pure, used by both ends.
 */
import type { Result } from "@/lib/result";
import type { CallValue } from "./run-call";

export const NDJSON = "application/x-ndjson";

export interface ProgressLine {
  readonly progress: number;
  readonly message?: string;
}

/** The call's outcome, the last line. */
export type OutcomeLine = Result<CallValue>;

/** The first line of a call run by a job worker: where to follow it again. */
export interface CallLine {
  readonly call: string;
}

export type StreamLine = CallLine | ProgressLine | OutcomeLine;

export function isCallLine(line: StreamLine): line is CallLine {
  return "call" in line;
}

export function isOutcomeLine(line: StreamLine): line is OutcomeLine {
  return "ok" in line;
}

/** One line, newline included. */
export function ndjsonLine(value: StreamLine): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Splits a stream of text chunks into parsed lines, whatever the chunk
 * boundaries: feed it chunks, it returns the complete lines so far and keeps
 * the rest. Blank lines are skipped. Throws on a line that is not JSON.
 */
export function ndjsonSplitter(): { push(chunk: string): StreamLine[]; end(): StreamLine[] } {
  let rest = "";
  const parse = (lines: string[]) => lines.filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as StreamLine);
  return {
    push(chunk) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      return parse(parts);
    },
    end() {
      const last = rest;
      rest = "";
      return parse([last]);
    },
  };
}
