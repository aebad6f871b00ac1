import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { pool } from "./pool";

export type { Prisma } from "./generated/prisma/client";

/**
 * The one Prisma client of a process, on the process's one pool (lib/db/pool.ts): Prisma's driver
 * adapter takes the pool as it is. Built unconditionally because `next build` evaluates route
 * modules without the run-time environment; nothing connects before the first query.
 */
const globalForPrisma = globalThis as unknown as { gussetPrisma?: PrismaClient };

export const db: PrismaClient = (globalForPrisma.gussetPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool) }));
