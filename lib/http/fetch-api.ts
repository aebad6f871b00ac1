import { z } from "zod";
import { FAILURE_CODES, failure, type Result } from "@/lib/result";
import type { Api } from "./api";

const fieldIssue = z.object({ path: z.string(), message: z.string() });
const failureSchema = z.looseObject({
  code: z.enum(FAILURE_CODES),
  message: z.string(),
  fields: z.array(fieldIssue).default([]),
  reference: z.string().optional(),
});
const resultSchema = z.union([
  z.looseObject({ ok: z.literal(true), value: z.unknown() }),
  z.looseObject({ ok: z.literal(false), failure: failureSchema }),
]);

/**
 * A route's answer as a Result. The envelope is checked; the value is what the route declares in
 * lib/http/api.ts (its own server's), so it is typed here, once. Anything that is not such an
 * answer (a proxy's error page, a cut connection) reads as an internal failure, never a throw.
 */
export async function readResult<T>(response: Response): Promise<Result<T>> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("application/json"))
    return { ok: false, failure: failure("internal", `The server answered ${response.status} ${response.statusText}.`) };
  return resultOf<T>(await response.json().catch(() => null), response.status);
}

/** A parsed JSON answer as a Result (an XMLHttpRequest's, for upload progress): the envelope checked, the value typed once here. */
export function resultOf<T>(answer: unknown, status: number): Result<T> {
  const parsed = resultSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, failure: failure("internal", `The server's answer (${status}) was not understood.`) };
  return parsed.data as Result<T>;
}

/** Fetches a JSON route by its name in `Api`, answering its Result; an aborted `signal` rejects as fetch does. */
export async function fetchApi<K extends keyof Api>(route: K, url: string, init?: RequestInit): Promise<Result<Api[K]>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    return {
      ok: false,
      failure: failure("internal", `The server could not be reached (${error instanceof Error ? error.message : String(error)}).`),
    };
  }
  return readResult<Api[K]>(response);
}

/** The value of a route, or an Error with the failure's message: for react-query's queryFn, which wants a throw. */
export async function fetchApiValue<K extends keyof Api>(route: K, url: string, init?: RequestInit): Promise<Api[K]> {
  const result = await fetchApi(route, url, init);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}
