/**
 * Whether a start seeds the demo accounts, and whether it prints them.
 * The local demo (embedded database) always has them; a production start
 * (NODE_ENV=production on an external DATABASE_URL) never, unless asked.
 */
export type StartKind = { external: boolean; production: boolean; askedForDemo: boolean };

export function demoPolicy({ external, production, askedForDemo }: StartKind): { seed: boolean; print: boolean } {
  const seed = !external || askedForDemo || !production;
  return { seed, print: seed && (!external || askedForDemo) };
}
