import { createUser } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/roles";
import { db } from "./client";

/** The local demo's accounts; `npm start` prints them on the embedded database. */
export const DEMO_USERS: { email: string; name: string; password: string; roles: Role[] }[] = [
  { email: "engineer@gusset.local", name: "Erin Engineer", password: "gusset-engineer", roles: ["engineer"] },
  { email: "reviewer@gusset.local", name: "Ravi Reviewer", password: "gusset-reviewer", roles: ["reviewer"] },
  { email: "admin@gusset.local", name: "Ada Admin", password: "gusset-admin", roles: ["admin"] },
];

const DEMO_SEEDED = "demoSeededAt";

/** Seeds the demo data once per database; returns false when it was seeded before. */
export async function seedDemo(): Promise<boolean> {
  const done = await db.setting.findUnique({ where: { key: DEMO_SEEDED } });
  if (done) return false;
  for (const user of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: user.email } });
    if (!exists) await createUser(user);
  }
  await db.setting.create({ data: { key: DEMO_SEEDED, value: new Date().toISOString() } });
  return true;
}
