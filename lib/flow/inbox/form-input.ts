/**
 * The form data a task form sends: the draft, with the empty optional fields (null in the form) left
 * out, as zod's `.optional()` expects.
 */
export function formInput(draft: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== null && value !== undefined && value !== ""));
}
