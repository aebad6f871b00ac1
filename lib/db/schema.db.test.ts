import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPrismaSchema, type ExpectedTable } from "@/test/prisma-schema";

// The test database was built by our migrator from prisma/migrations; this
// holds it to schema.prisma: tables, columns, types, nullability, indexes
// (expression indexes too, named in schema.prisma by an @@expressionIndex comment).

const expected = readPrismaSchema();
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

type ColumnRow = { table_name: string; column_name: string; data_type: string; is_nullable: "YES" | "NO" };
type IndexRow = { table_name: string; index_name: string; columns: string[]; unique: boolean };

let columns: ColumnRow[] = [];
let indexes: IndexRow[] = [];

beforeAll(async () => {
  await client.connect();
  columns = (
    await client.query<ColumnRow>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    )
  ).rows;
  indexes = (
    await client.query<IndexRow>(
      // A key is its column's name, or for an expression (attnum 0) the expression as PostgreSQL prints it.
      `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS unique,
              array_agg(coalesce(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true)) ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, ix.indisunique`,
    )
  ).rows;
});

afterAll(() => client.end());

describe("the migrated database has exactly the shape of schema.prisma", () => {
  it("has the same tables", () => {
    const actual = [...new Set(columns.map((c) => c.table_name))].sort();
    expect(actual).toEqual(expected.map((t) => t.name).sort());
  });

  describe.each(expected.map((table) => [table.name, table] as [string, ExpectedTable]))("table %s", (name, table) => {
    it("has the same columns, types and nullability", () => {
      const actual = columns
        .filter((c) => c.table_name === name)
        .map((c) => ({ name: c.column_name, type: c.data_type, nullable: c.is_nullable === "YES" }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(actual).toEqual([...table.columns].sort((a, b) => a.name.localeCompare(b.name)));
    });

    it("has the same primary key, unique constraints and indexes", () => {
      const actual = indexes
        .filter((i) => i.table_name === name)
        .map((i) => ({ name: i.index_name, columns: i.columns, unique: i.unique }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(actual).toEqual([...table.indexes].sort((a, b) => a.name.localeCompare(b.name)));
    });
  });
});
