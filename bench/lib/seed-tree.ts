import type pg from "pg";

/**
 * A workspace of `entities` entities in SQL (INSERT … SELECT generate_series; the triggers of
 * migration 20261205100000_entity_paths_and_access keep paths and tops as they would for the app):
 *
 * - `projects` root projects (1 % of the entities), one in ten holding a sub-project;
 * - the first project holds `bigChildren` beams (1,000 at 100,000 entities): the node to expand;
 * - the other beams spread evenly over every project and sub-project;
 * - `users` users, ids `<prefix>u1…`: u1 is the engineer who owns `ownedShare` of everything (the
 *   first projects, with all they hold), u2 a reviewer, every tenth user a reviewer, the rest
 *   engineers owning the other projects in turn; each engineer has three projects of others shared
 *   with them, and u1 three more.
 *
 * Every id and name starts with `prefix`, so two workspaces (1,000 and 100,000 entities) live side by side.
 */
export interface TreeWorkspace {
  readonly prefix: string;
  readonly entities: number;
  readonly projects: number;
  readonly bigChildren: number;
  /** The engineer who owns about `ownedShare` of the entities. */
  readonly owner: string;
  readonly owned: number;
  readonly reviewer: string;
  /** The project with `bigChildren` children, and a beam inside a sub-project (a deep link). */
  readonly bigProject: string;
  readonly deepBeam: string;
}

export async function seedTreeWorkspace(
  client: pg.ClientBase,
  options: { prefix: string; entities: number; users: number; ownedShare?: number },
): Promise<TreeWorkspace> {
  const { prefix: x, entities, users } = options;
  const projects = Math.max(2, Math.round(entities / 100));
  const subProjects = Math.max(1, Math.floor(projects / 10));
  const bigChildren = Math.min(1_000, Math.floor(entities / 10));
  const spread = entities - projects - subProjects - bigChildren;
  const containers = projects + subProjects;
  // Containers 1..projects are projects p1…, then sub-projects s1… (s_i inside p_i). Beam j of the spread goes to container (j mod containers) + 1.
  const beamsIn = (container: number) => Math.floor(spread / containers) + (container <= spread % containers ? 1 : 0);
  // The owner gets projects 1..k (with their sub-projects) until they own ownedShare of the entities.
  const target = (options.ownedShare ?? 0.4) * entities;
  let k = 0;
  let owned = bigChildren;
  while (owned < target && k < projects) {
    k += 1;
    owned += 1 + beamsIn(k) + (k <= subProjects ? 1 + beamsIn(projects + k) : 0);
  }
  const ownerOf = (project: string) =>
    `CASE WHEN ${project} <= ${k} THEN '${x}u1' ELSE '${x}u' || (3 + (${project} * 7) % ${users - 2}) END`;

  await client.query(`
    INSERT INTO "user" (id, name, email, roles)
    SELECT '${x}u' || i, 'Bench user ${x}' || i, '${x}user' || i || '@bench.test',
      CASE WHEN i = 1 THEN ARRAY['engineer'] WHEN i = 2 OR i % 10 = 0 THEN ARRAY['reviewer'] ELSE ARRAY['engineer'] END
    FROM generate_series(1, ${users}) i`);
  // Owners of projects must be engineers (a reviewer owns nothing); remap the few that are not.
  await client.query(`
    INSERT INTO entity (id, type, name, params, "ownerId")
    SELECT '${x}p' || i, 'project', 'Project ${x}' || lpad(i::text, 5, '0'), '{}',
      CASE WHEN (${ownerOf("i")}) IN (SELECT id FROM "user" WHERE 'reviewer' = ANY (roles)) THEN '${x}u3' ELSE ${ownerOf("i")} END
    FROM generate_series(1, ${projects}) i`);
  await client.query(`
    INSERT INTO entity (id, type, name, "parentId", params, "ownerId")
    SELECT '${x}s' || i, 'project', 'Sub-project ${x}' || lpad(i::text, 5, '0'), '${x}p' || i, '{}', p."ownerId"
    FROM generate_series(1, ${subProjects}) i JOIN entity p ON p.id = '${x}p' || i`);
  await client.query(`
    INSERT INTO entity (id, type, name, "parentId", params, "ownerId")
    SELECT '${x}b' || j, 'beam', 'Beam ${x}' || lpad(j::text, 6, '0'), '${x}p1', '{}', '${x}u1'
    FROM generate_series(1, ${bigChildren}) j`);
  await client.query(`
    INSERT INTO entity (id, type, name, "parentId", params, "ownerId")
    SELECT '${x}b' || (${bigChildren} + j), 'beam', 'Beam ${x}' || lpad((${bigChildren} + j)::text, 6, '0'), c.id, '{}', c."ownerId"
    FROM generate_series(1, ${spread}) j
    JOIN entity c ON c.id = CASE WHEN (j - 1) % ${containers} + 1 <= ${projects}
      THEN '${x}p' || ((j - 1) % ${containers} + 1) ELSE '${x}s' || ((j - 1) % ${containers} + 1 - ${projects}) END`);
  // Three projects of others shared with each engineer (projects past the owner's), three with the owner.
  await client.query(`
    INSERT INTO entity_share ("entityId", "userId")
    SELECT DISTINCT '${x}p' || (${k} + 1 + (u * 31 + n * 97) % ${Math.max(1, projects - k)}), '${x}u' || u
    FROM generate_series(1, ${users}) u, generate_series(0, 2) n
    WHERE u <> 2 AND u % 10 <> 0
    ON CONFLICT DO NOTHING`);
  const { rows } = await client.query<{ owned: string }>(`SELECT count(*) AS owned FROM entity WHERE "ownerId" = '${x}u1'`);
  return {
    prefix: x,
    entities,
    projects,
    bigChildren,
    owner: `${x}u1`,
    owned: Number(rows[0]!.owned),
    reviewer: `${x}u2`,
    bigProject: `${x}p1`,
    deepBeam: `${x}b${bigChildren + projects + 1}`,
  };
}
