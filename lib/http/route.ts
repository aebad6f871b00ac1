import "server-only";
import { z } from "zod";
import { trustedOrigins } from "@/lib/auth/auth";
import type { SignedInUser } from "@/lib/auth/guard";
import { isSafeMethod, isSameOrigin } from "@/lib/auth/origin";
import { can, type Permission } from "@/lib/auth/permissions";
import { userFromSessionCookie } from "@/lib/auth/session-cookie";
import { unstorableIssue } from "@/lib/db/storable-input";
import { failure, type Failure, type FieldIssue, type Result } from "@/lib/result";
import { failureResponse, resultResponse } from "./respond";

/**
 * The one wrapper of every route handler (STYLE.md, "Where parts meet"): it checks the Origin of
 * anything but GET/HEAD (route handlers, unlike server actions, get no CSRF check from Next), the
 * session and the permission, parses the route's params, query and JSON body by their schemas,
 * and turns what the handler answers, a Response or a Result, or throws, into the answer. So a
 * handler never builds an error body, and never sees input its schema did not admit.
 */
export interface RouteSpec {
  /** Who may call it (withUser). Default: anyone using the app ("app.use"). */
  readonly permission?: Permission;
  /** The route's dynamic segments (`[id]`). */
  readonly params?: z.ZodType;
  /** The query string, each key once. */
  readonly query?: z.ZodType;
  /** The JSON body. */
  readonly body?: z.ZodType;
  /**
   * publicRoute only: the caller proves itself with a secret it sends in a header (a webhook's
   * per-task token, `Authorization: Bearer …`), never with a cookie. A browser cannot be made to
   * send that secret, so there is no cross-site request to fear, and the Origin check (which a
   * server-to-server call cannot pass: it sends no Origin) is skipped. The handler checks the secret.
   */
  readonly authorizedByToken?: true;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  readonly request: Request;
  readonly params: Parsed<S["params"]>;
  readonly query: Parsed<S["query"]>;
  readonly body: Parsed<S["body"]>;
}

type Answer = Response | Result<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type NextHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** A route for signed-in users holding `spec.permission`. */
export function withUser<const S extends RouteSpec & { readonly authorizedByToken?: never }>(
  spec: S,
  handler: (input: RouteInput<S> & { readonly user: SignedInUser }) => Promise<Answer>,
): NextHandler {
  return route(
    spec,
    async (request) => {
      const user = await userFromSessionCookie(request.headers).catch(() => null);
      if (!user) return failure("unauthenticated", "Sign in first.");
      if (!can(user, spec.permission ?? "app.use")) return failure("forbidden", "You do not have the permission this needs.");
      return { user };
    },
    handler,
  );
}

/**
 * A route that needs no session, on purpose (a load balancer's health check), so a reader and
 * the guard-coverage test tell it from a forgotten check. The Origin check still holds.
 */
export function publicRoute<const S extends RouteSpec>(spec: S, handler: (input: RouteInput<S>) => Promise<Answer>): NextHandler {
  return route(spec, async () => ({}), handler);
}

function route<S extends RouteSpec, Extra extends object>(
  spec: S,
  authenticate: (request: Request) => Promise<Extra | Failure>,
  handler: (input: RouteInput<S> & Extra) => Promise<Answer>,
): NextHandler {
  return async (request, context) => {
    try {
      if (!spec.authorizedByToken && !isSafeMethod(request.method) && !isSameOrigin(request, trustedOrigins))
        return failureResponse(failure("forbidden", "Cross-origin request refused."));
      const extra = await authenticate(request);
      if ("code" in extra) return failureResponse(extra);
      const params = parse(spec.params, await context.params, "The address");
      if (!params.ok) return failureResponse(params.failure);
      const query = parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "The query");
      if (!query.ok) return failureResponse(query.failure);
      const body = spec.body
        ? parse(spec.body, await request.json().catch(() => NOT_JSON), "The body")
        : { ok: true as const, value: undefined };
      if (!body.ok) return failureResponse(body.failure);
      const input = { request, params: params.value, query: query.value, body: body.value, ...extra } as RouteInput<S> & Extra;
      const answer = await handler(input);
      return answer instanceof Response ? answer : resultResponse(answer);
    } catch (error) {
      const reference = crypto.randomUUID().slice(0, 8);
      console.error(`[gusset] ${request.method} ${new URL(request.url).pathname} failed, reference ${reference}:`, error);
      return failureResponse({ ...failure("internal", `Something went wrong (reference ${reference}).`), reference });
    }
  };
}

const NOT_JSON = Symbol("not JSON");

function parse(schema: z.ZodType | undefined, value: unknown, what: string): Result<unknown> {
  if (!schema) return { ok: true, value: undefined };
  if (value === NOT_JSON) return { ok: false, failure: failure("bad_request", `${what} is not JSON.`) };
  // Before the schema: a NUL, a lone surrogate or a 5,000-deep value would reach the database or the stack.
  const unstorable = unstorableIssue(value);
  if (unstorable) {
    const where = unstorable.path ? `${unstorable.path}: ` : "";
    return { ok: false, failure: failure("bad_request", `${what} was not understood: ${where}${unstorable.message}`, [unstorable]) };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  return {
    ok: false,
    failure: failure(
      "bad_request",
      `${what} was not understood: ${fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ")}.`,
      fields,
    ),
  };
}
