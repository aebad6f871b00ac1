/** Longest entity name accepted. */
export const MAX_NAME_LENGTH = 120;

/** The name as stored (spaces trimmed), or why it cannot be one. */
export function checkEntityName(name: unknown): { ok: true; name: string } | { ok: false; message: string } {
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (trimmed === "") return { ok: false, message: "Give the entity a name." };
  if (trimmed.length > MAX_NAME_LENGTH) return { ok: false, message: `A name has at most ${MAX_NAME_LENGTH} characters.` };
  // PostgreSQL stores no NUL; the rest are invisible, and a lone surrogate is half a character.
  if (/[\u0000-\u001f\u007f]/.test(trimmed) || !trimmed.isWellFormed())
    return { ok: false, message: "A name cannot hold control characters." };
  return { ok: true, name: trimmed };
}
