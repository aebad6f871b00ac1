import { can } from "@/lib/auth/permissions";
import { raw, sql, type Sql } from "@/lib/db/sql";
import type { Actor } from "./types";

/**
 * Who may do what with an entity. The facts come from SQL, the rule from the permission table
 * (lib/auth/permissions.ts), and the rule is written once (`accessRule`) for both: in TypeScript
 * over a fact already read (`canRead`, `canEdit`), and as SQL over a row (`readableSql`,
 * `editableSql`), so the tree, search, findEntityToRun, file downloads and the flow pages decide
 * inside their statements, never over a list of ids gathered in the app.
 *
 * The fact is **membership** (lib/entities/types.ts): the actor owns the entity or one of its
 * ancestors, or one of them is shared with the actor (sharing a project shares everything in it).
 * Each entity keeps its ancestors' ids, root first (`"ancestorIds"`, a materialised path kept by
 * the triggers of migration 20261205100000_entity_paths_and_access), so membership is one
 * expression over the row: a primary-key probe per level, and one of entity_share's where the
 * level is not the actor's own (`memberOf`). Why a path, measured on 100,000 entities of which an
 * engineer owns 40,000 (bench/tree.ts):
 *
 * - the recursive CTE this replaces walked down from every grant: 240 ms for the 40,000 ids, which
 *   the app then sent back as `id IN (…)`, past 65,535 bind parameters at 70,000;
 * - a closure table answers the same in one probe, but holds depth × entities rows and rewrites
 *   a subtree's rows times its depth on every move; the path is one array per row;
 * - row-level security would still need the path to be cheap, and hides the predicate from the
 *   statements that must page and count by it;
 * - inline, membership costs about 8 µs a row (5,000 rows in 38 ms, EXPLAIN ANALYZE); the same as
 *   an SQL function 130 µs (not inlined, having subqueries), and as two ANY() probes 43 µs, since
 *   the planner then ANDs bitmaps of the owner's 90 entities for every row.
 */
export interface AccessFacts {
  /** The actor is a member of the entity. */
  readonly member: boolean;
}

/**
 * The rule, over any carrier of truth: booleans in TypeScript, SQL fragments in a statement.
 * Reviewers read everything, admins edit everything, engineers edit (and so read) what they are
 * members of; anyone else sees nothing.
 */
function accessRule<T>(actor: Actor, member: () => T, yes: T, no: T): { read: T; edit: T } {
  const edit = can(actor, "entity.edit.any") ? yes : can(actor, "entity.edit.member") ? member() : no;
  const read = can(actor, "entity.read.any") || can(actor, "entity.edit.any") ? yes : edit;
  return { read, edit };
}

export function canRead(actor: Actor, facts: AccessFacts): boolean {
  return accessRule(actor, () => facts.member, true, false).read;
}

export function canEdit(actor: Actor, facts: AccessFacts): boolean {
  return accessRule(actor, () => facts.member, true, false).edit;
}

/** Whether the actor may create entities at all (at the top of the tree, or anywhere they edit). */
export function canCreate(actor: Actor): boolean {
  return can(actor, "entity.create");
}

/** Whether the actor reads every entity, so that SQL need not ask membership to filter. */
export function readsEveryEntity(actor: Actor): boolean {
  return can(actor, "entity.read.any") || can(actor, "entity.edit.any");
}

/**
 * Whether the actor is a member of the entity `row` names (a table alias with "id" and
 * "ancestorIds"). The same expression as the database's `entity_member(user, ids)`, which the
 * triggers ask: written out here because the planner inlines an expression, not a function.
 */
export function memberOf(actor: Actor, row: string): Sql {
  const e = alias(row);
  return sql`EXISTS (
    SELECT 1 FROM unnest(${e}."ancestorIds" || ${e}."id") AS member_path("id") JOIN "entity" member_level ON member_level."id" = member_path."id"
     WHERE member_level."ownerId" = ${actor.id}
        OR EXISTS (SELECT 1 FROM "entity_share" member_share WHERE member_share."entityId" = member_level."id" AND member_share."userId" = ${actor.id}))`;
}

/**
 * Membership where the rule asks it (an engineer who is not an admin), else `false`: the fact for
 * canRead/canEdit without a probe that could not change their answer.
 */
export function membershipSql(actor: Actor, row: string): Sql {
  return can(actor, "entity.edit.member") && !can(actor, "entity.edit.any") ? memberOf(actor, row) : sql`false`;
}

/** SQL that is true where the actor may read the entity `row` names. */
export function readableSql(actor: Actor, row: string): Sql {
  return accessRule(actor, () => memberOf(actor, row), sql`true`, sql`false`).read;
}

/** SQL that is true where the actor may edit the entity `row` names. */
export function editableSql(actor: Actor, row: string): Sql {
  return accessRule(actor, () => memberOf(actor, row), sql`true`, sql`false`).edit;
}

/** A table alias, checked (it is written into the statement, not bound). */
function alias(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a table alias: ${name}`);
  return raw(name);
}
