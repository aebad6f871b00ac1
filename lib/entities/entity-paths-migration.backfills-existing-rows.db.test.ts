import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";

// Migration 20261205100000_entity_paths_and_access adds the paths and top flags the access
// predicate and the tree read. Rows stored before it must get them too: without the backfill, every
// existing entity would look like a root to its owner and shared projects would lose their contents.

const MIGRATION = "20261205100000_entity_paths_and_access";
const serverUrl = process.env.TEST_SERVER_URL!;
const databases: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("gives the entities and shares stored before it their paths and top flags", async () => {
    const name = `gusset_paths_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databases.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;

    // The migrations before this one, then rows as the app stored them then.
    const before = await mkdtemp(path.join(os.tmpdir(), "gusset-migrations-"));
    dirs.push(before);
    await cp(MIGRATIONS_DIR, before, { recursive: true });
    const later = (await readMigrations()).map((m) => m.name).filter((name) => name >= MIGRATION);
    for (const name of later) await rm(path.join(before, name), { recursive: true });
    await migrate(url.toString(), { dir: before });

    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`INSERT INTO "user" ("id", "name", "email", "roles") VALUES
        ('olga', 'Olga', 'olga@example.test', '{engineer}'), ('sam', 'Sam', 'sam@example.test', '{engineer}')`);
      await client.query(`INSERT INTO "entity" ("id", "type", "name", "parentId", "params", "ownerId") VALUES
        ('tower', 'project', 'Tower', NULL, '{}', 'olga'),
        ('floor', 'project', 'Floor', 'tower', '{}', 'olga'),
        ('beam', 'beam', 'Beam', 'floor', '{}', 'olga'),
        ('sams', 'beam', 'Sam''s beam', 'floor', '{}', 'sam'),
        ('shed', 'project', 'Shed', NULL, '{}', 'sam')`);
      await client.query(`INSERT INTO "entity_share" ("entityId", "userId") VALUES ('floor', 'sam'), ('beam', 'sam')`);

      expect(await migrate(url.toString())).toEqual(later);
      expect(later[0]).toBe(MIGRATION);

      const { rows: entities } = await client.query(`SELECT "id", "ancestorIds", "topOfOwner" FROM "entity" ORDER BY "id"`);
      expect(entities).toEqual([
        { id: "beam", ancestorIds: ["tower", "floor"], topOfOwner: false },
        { id: "floor", ancestorIds: ["tower"], topOfOwner: false },
        // Sam's beam sits in Floor, which is shared with him: not a top of his tree.
        { id: "sams", ancestorIds: ["tower", "floor"], topOfOwner: false },
        { id: "shed", ancestorIds: [], topOfOwner: true },
        { id: "tower", ancestorIds: [], topOfOwner: true },
      ]);
      const { rows: shares } = await client.query(`SELECT "entityId", "topOfUser" FROM "entity_share" ORDER BY "entityId"`);
      // The beam is shared with Sam inside Floor, which is too: only Floor is his top.
      expect(shares).toEqual([
        { entityId: "beam", topOfUser: false },
        { entityId: "floor", topOfUser: true },
      ]);
    } finally {
      await client.end();
    }
  });
});
