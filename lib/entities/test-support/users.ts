import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Actor } from "../types";

/** A user row (no password: these tests never sign in), as the actor lib/entities takes. */
export async function newActor(name: string, ...roles: Role[]): Promise<Actor & { name: string; email: string }> {
  const id = randomUUID();
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${id.slice(0, 8)}@example.test`;
  await db.user.create({ data: { id, name, email, roles, emailVerified: true } });
  return { id, roles, name, email };
}

/** The value of a result that must have succeeded; fails the test with the refusal otherwise. */
export function valueOf<T>(result: { ok: true; value: T } | { ok: false; failure: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got ${result.failure.code}: ${result.failure.message}`);
  return result.value;
}
