import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listUsers } from "./list-users";

// The users page listed every account at once; it now reads a page at a time by (name, id), so a
// cursor must neither repeat nor skip an account, even among accounts of the same name.

beforeAll(async () => {
  await db.user.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      id: randomUUID(),
      name: i < 3 ? "Same Name" : `Person ${i}`,
      email: `person-${i}-${randomUUID().slice(0, 6)}@example.test`,
      roles: ["engineer"],
    })),
  });
});

describe("listUsers", () => {
  it("pages every account by name and id, without repeating or skipping, with live sessions counted", async () => {
    const all = await db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true } });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listUsers>> = await listUsers({ after, size: 2 });
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((user) => user.id));
      after = page.after;
      pages += 1;
    } while (after);
    expect(seen).toEqual(all.map((user) => user.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect((await listUsers({ size: 2 })).users[0]).toHaveProperty("sessions", 0);
  });
});
