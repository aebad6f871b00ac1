import { readFileSync } from "node:fs";

/**
 * A reader for the subset of schema.prisma this project writes, giving the
 * tables, columns and indexes PostgreSQL should have. Used by the test that
 * holds the schema and the migrated database to the same shape.
 *
 * Prisma cannot declare an expression index, so a model names one in a comment
 * line, the index's name and its keys as PostgreSQL prints them:
 *
 *   // @@expressionIndex {"name": "flow_process_entityId_createdAt_idx", "keys": ["(data ->> 'entityId'::text)", "createdAt"]}
 *
 * A partial index (its WHERE not declarable either) is named the same way, `// @@partialIndex {…}`.
 */

export type ExpectedColumn = { name: string; type: string; nullable: boolean };
export type ExpectedIndex = { name: string; columns: string[]; unique: boolean };
export type ExpectedTable = { name: string; columns: ExpectedColumn[]; indexes: ExpectedIndex[] };

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE: Record<string, string> = {
  Timestamptz: "timestamp with time zone",
  Timestamp: "timestamp without time zone",
  VarChar: "character varying",
  Char: "character",
  Text: "text",
  Uuid: "uuid",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Real: "real",
  DoublePrecision: "double precision",
  JsonB: "jsonb",
  Json: "json",
  Date: "date",
};

const EXPRESSION_INDEX = /^\s*\/\/\s*@@(?:expressionIndex|partialIndex)\s+(.*)$/;

export function readPrismaSchema(file = "prisma/schema.prisma"): ExpectedTable[] {
  // Expression indexes live in comments: keep those lines (as `@@expressionIndex …`), drop the other comments.
  const source = readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(EXPRESSION_INDEX, "@@expressionIndex $1").replace(/\/\/.*$/, ""))
    .join("\n");
  const blocks = [...source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const models = new Set(blocks.filter((b) => b[1] === "model").map((b) => b[2]!));
  const enums = new Set(blocks.filter((b) => b[1] === "enum").map((b) => b[2]!));

  return blocks
    .filter((block) => block[1] === "model")
    .map(([, , name, body]) => {
      const lines = body!
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const table = lines.map((l) => l.match(/^@@map\("(.+)"\)/)?.[1]).find(Boolean) ?? name!;
      const columns: ExpectedColumn[] = [];
      const columnOf = new Map<string, string>();
      const indexes: ExpectedIndex[] = [];
      for (const line of lines) {
        if (line.startsWith("@@")) continue;
        const match = line.match(/^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/);
        if (!match) continue;
        const [, field, type, modifier, attributes = ""] = match;
        if (models.has(type!)) continue; // a relation: no column of its own
        const column = attributes.match(/@map\("(.+?)"\)/)?.[1] ?? field!;
        columnOf.set(field!, column);
        const native = attributes.match(/@db\.(\w+)/)?.[1];
        let sqlType = native ? NATIVE[native] : enums.has(type!) ? "USER-DEFINED" : SCALARS[type!];
        if (!sqlType) throw new Error(`schema.prisma: no SQL type known for ${name}.${field} (${type})`);
        if (modifier === "[]") sqlType = "ARRAY";
        columns.push({ name: column, type: sqlType, nullable: modifier === "?" });
        if (/@id\b/.test(attributes)) indexes.push({ name: `${table}_pkey`, columns: [column], unique: true });
        if (/@unique\b/.test(attributes)) indexes.push({ name: `${table}_${column}_key`, columns: [column], unique: true });
      }
      for (const line of lines) {
        const expression = line.match(/^@@expressionIndex (.*)$/);
        if (expression) {
          indexes.push(expressionIndex(name!, expression[1]!));
          continue;
        }
        const block = line.match(/^@@(id|unique|index)\(\[([^\]]+)\]/);
        if (!block) continue;
        const cols = block[2]!.split(",").map((f) => columnOf.get(f.trim().replace(/\(.*\)/, "")) ?? f.trim());
        const suffix = block[1] === "id" ? "pkey" : block[1] === "unique" ? "key" : "idx";
        const indexName = block[1] === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`;
        indexes.push({ name: indexName, columns: cols, unique: block[1] !== "index" });
      }
      return { name: table, columns, indexes };
    });
}

function expressionIndex(model: string, json: string): ExpectedIndex {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = null;
  }
  const { name, keys } = (value ?? {}) as { name?: unknown; keys?: unknown };
  if (typeof name !== "string" || !Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === "string")) {
    throw new Error(`schema.prisma: model ${model} has an @@expressionIndex comment that is not {"name": "…", "keys": ["…"]}: ${json}`);
  }
  return { name, columns: keys, unique: false };
}
