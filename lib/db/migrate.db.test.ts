import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, writeFile, mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "./migrate";

const serverUrl = process.env.TEST_SERVER_URL!;
const created: string[] = [];
const tempDirs: string[] = [];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An empty database of this test's own. */
async function emptyDatabase(): Promise<string> {
  const name = `gusset_migrate_${randomBytes(5).toString("hex")}`;
  await query(serverUrl, `CREATE DATABASE ${name}`);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A copy of the project's migrations, plus extra ones, to change freely. */
async function migrationsCopy(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gusset-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

afterAll(async () => {
  for (const name of created) await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("applies every migration in order to an empty database and records them as Prisma does", async () => {
    const url = await emptyDatabase();
    const migrations = await readMigrations();
    expect(await migrate(url)).toEqual(migrations.map((m) => m.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(migrations[i]!.sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    expect(await migrate(url)).toEqual([]);
  });

  it("applies only the new migration when one is added", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const dir = await migrationsCopy({ "29990101000000_add_note": `CREATE TABLE "note" ("id" TEXT PRIMARY KEY);` });
    expect(await migrate(url, { dir })).toEqual(["29990101000000_add_note"]);
  });

  it("refuses to run when an applied migration's file has changed, and changes nothing", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy({ "29990101000000_add_note": `CREATE TABLE "note" ("id" TEXT PRIMARY KEY);` });
    await migrate(url, { dir });
    await writeFile(path.join(dir, "29990101000000_add_note", "migration.sql"), `CREATE TABLE "note" ("id" INTEGER PRIMARY KEY);`);
    const more = { "29990102000000_more": `CREATE TABLE "more" ("id" TEXT PRIMARY KEY);` };
    await mkdir(path.join(dir, "29990102000000_more"));
    await writeFile(path.join(dir, "29990102000000_more", "migration.sql"), more["29990102000000_more"]);

    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_add_note was changed after it was applied/);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_name = 'more'`);
    expect(tables).toEqual([]);
  });

  it("rolls a failing migration back whole and reports it by name", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy({
      "29990101000000_broken": `CREATE TABLE "half" ("id" TEXT PRIMARY KEY);\nSELECT no_such_function();`,
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back: .*no_such_function/);
    const half = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
    expect(half).toEqual([]);
    const recorded = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(recorded).toEqual([]);
  });

  it("lets two instances start at once: the advisory lock makes one migrate and the other find nothing to do", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy({ "29990101000000_slow": `SELECT pg_sleep(0.5); CREATE TABLE "slow" ("id" TEXT PRIMARY KEY);` });
    const [a, b] = await Promise.all([migrate(url, { dir }), migrate(url, { dir })]);
    const all = await readMigrations(dir);
    expect([...a, ...b].sort()).toEqual(all.map((m) => m.name).sort());
    const rows = await query<{ count: string }>(url, `SELECT count(*)::text AS count FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.count)).toBe(all.length);
  });
});
