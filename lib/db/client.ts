import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";

/**
 * The one Prisma client of a process. Built unconditionally because
 * `next build` evaluates route modules without the run-time environment; pg
 * connects only on the first query (shared/notes/integration.md, trap 1).
 */
function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL, max: Number(process.env.GUSSET_DB_POOL ?? 10) });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { gussetPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.gussetPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.gussetPrisma = db;
