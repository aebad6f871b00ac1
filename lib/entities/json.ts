import type { Prisma } from "@/lib/db/client";

/** @internal Params and summaries are plain JSON by construction (validated, or read from JSON). */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
