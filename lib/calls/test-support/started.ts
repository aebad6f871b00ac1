import type { Result } from "@/lib/result";

/** The id of a call that was started, for tests that start within the user's limit. */
export async function started(start: Promise<Result<string>>): Promise<string> {
  const result = await start;
  if (!result.ok) throw new Error(`The call was not started: ${result.failure.message}`);
  return result.value;
}
