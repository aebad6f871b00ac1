import type { FieldIssue } from "@/lib/result";

/**
 * What PostgreSQL cannot store, found before anything is written: a NUL character (text and jsonb
 * refuse `\u0000`), a lone UTF-16 surrogate (jsonb refuses the escape; text would silently get U+FFFD),
 * or nesting deeper than MAX_INPUT_DEPTH (a 5,000-deep params object overflowed `JSON.stringify`).
 * Each of these used to reach the database, or the stack, and answer 500. Entry points (lib/http)
 * check every input with it, and code that parses JSON it was given as text (a params file, a
 * process data correction) checks what it parsed. Iterative, so a deep value cannot overflow it.
 */

/** How deep an input may nest: params are a few levels (sections, tables, rows, file values). */
export const MAX_INPUT_DEPTH = 64;

/** The first thing in `value` that cannot be stored, with its path, or null. */
export function unstorableIssue(value: unknown): FieldIssue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path, depth } = item;
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) return { path, message: `${problem}, which cannot be stored.` };
      continue;
    }
    if (current === null || typeof current !== "object" || !isPlain(current)) continue;
    if (depth >= MAX_INPUT_DEPTH) return { path, message: `It is nested deeper than ${MAX_INPUT_DEPTH} levels.` };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childPath = path ? `${path}.${safeKey(key)}` : safeKey(key);
      const keyProblem = textProblem(key);
      if (keyProblem)
        return { path: childPath, message: `Its name holds ${keyProblem.replace(/^It holds /, "")}, which cannot be stored.` };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "It holds a NUL character";
  if (!text.isWellFormed()) return "It holds a lone surrogate (half of a UTF-16 pair)";
  return null;
}

/** Arrays and plain objects are walked; a File, a Date or a Blob is a value. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === Object.prototype || prototype === null;
}

/** A key as a path shows it: what cannot be stored is not repeated into the message. */
function safeKey(key: string): string {
  return textProblem(key) ? key.replace(/\u0000/g, "\\0").toWellFormed() : key;
}
