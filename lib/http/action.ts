import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireUser, type SignedInUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { unstorableIssue } from "@/lib/db/storable-input";
import { failure, RefusedError, type Failure, type FieldIssue, type Result } from "@/lib/result";

/**
 * The one wrapper of every server action (the other entry point, beside lib/http/route.ts): the
 * signed-in user holding `spec.permission` (a redirect to sign-in without a session, the 403 page
 * without the permission), the input parsed by its schema (a FormData is read as its entries), and
 * what the handler throws turned into a result: a RefusedError (the flow runtime's FlowError) into
 * its failure, anything else into an internal failure logged under a reference.
 */
export function userAction<S extends z.ZodType, T, F extends Failure = Failure>(
  spec: { readonly permission?: Permission; readonly input: S },
  handler: (args: { readonly user: SignedInUser; readonly input: z.output<S> }) => Promise<Result<T, F>>,
): (input: unknown) => Promise<Result<T, F | Failure<"bad_request" | "internal">>> {
  return async (raw) => {
    const user = await requireUser(spec.permission);
    const input: unknown = raw instanceof FormData ? Object.fromEntries(raw) : raw;
    // Before the schema: a NUL, a lone surrogate or a 5,000-deep value would reach the database or the stack.
    const unstorable = unstorableIssue(input);
    if (unstorable)
      return { ok: false, failure: failure("bad_request", `That request was not understood: ${unstorable.message}`, [unstorable]) };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
      return { ok: false, failure: failure("bad_request", "That request was not understood.", fields) };
    }
    try {
      return await handler({ user, input: parsed.data });
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden() are Next's control flow, not failures
      if (error instanceof RefusedError) {
        if (error.failure.code === "internal") console.error(error.cause ?? error);
        // A refusal thrown by the handler's own operation (the flow runtime's): one of its failures.
        return { ok: false, failure: error.failure as F };
      }
      const reference = crypto.randomUUID().slice(0, 8);
      console.error(`[gusset] server action failed, reference ${reference}:`, error);
      return {
        ok: false,
        failure: { ...failure("internal", `Something went wrong; nothing was changed (reference ${reference}).`), reference },
      };
    }
  };
}
