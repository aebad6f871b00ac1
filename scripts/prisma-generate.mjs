// Generates the Prisma client from prisma/schema.prisma.
// Prisma's CLI insists on its native schema engine even to generate, and that
// binary cannot be downloaded here; generation itself never uses it, so any
// existing file satisfies the check (see shared/notes/toolchain-db.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !existsSync("node_modules/@prisma/engines/schema-engine-debian-openssl-3.0.x")) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
if (!existsSync("prisma/schema.prisma")) process.exit(0);
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
