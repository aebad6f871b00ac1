/**
 * `npm run create-admin -- --email you@example.com --name "Your Name"`:
 * creates an admin account on DATABASE_URL (the first admin of a production
 * install). The password comes from GUSSET_ADMIN_PASSWORD or a prompt.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });

const input = z.object({
  email: z.email("Give --email with a valid address."),
  name: z.string().trim().min(1, "Give --name."),
  password: z.string().min(10, "The password needs at least 10 characters."),
});

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database to create the admin in.");
  const password = process.env.GUSSET_ADMIN_PASSWORD ?? (await ask("Password (10+ characters): "));
  const parsed = input.safeParse({ email: values.email, name: values.name, password });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));

  const { migrate } = await import("@/lib/db/migrate");
  await migrate(process.env.DATABASE_URL);
  const { db } = await import("@/lib/db/client");
  const { createUser } = await import("@/lib/auth/users");
  if (await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } })) {
    throw new Error(`A user with the email ${parsed.data.email} exists already.`);
  }
  await createUser({ ...parsed.data, roles: ["admin"] });
  const { pool } = await import("@/lib/db/pool");
  await pool.end();
  console.log(`Created admin ${parsed.data.email}.`);
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
