-- Entity access decided in SQL, and a tree read a page at a time (issue 18; lib/entities/access.ts).
--
-- Each entity keeps its materialised path, "ancestorIds" (root first, itself left out), so "is this
-- user a member of this entity" (its owner, or a user it or one of its ancestors is shared with) is
-- one function, entity_member(user, path || id): a probe of the primary key per level and one of
-- entity_share's. The tree, search, findEntityToRun, file downloads and the flow pages all ask it.
-- And each grant says whether it is the **top** of its user's tree (the user is no member of the
-- entity's parent): "topOfOwner" for the owner, entity_share."topOfUser" for a share. An engineer's
-- roots are then their top grants, read in name order from a partial index, however many entities
-- they own. Triggers keep the path and the flags (below), so no writer can forget them: the app's
-- operations, a test's or a benchmark's INSERT alike.
--
-- Measured on 100,000 entities, an engineer owning 40,000 (bench/tree.ts; docs/benchmarks.md):
-- the old recursive member query read all 40,000 into the app (and past 65,535 of them their ids
-- no longer fit in one statement's parameters); roots without the flags, as "granted and no granted
-- ancestor", have to look at every one of the 40,000 grants before the first page is known; with the
-- flags a page of roots is an index range. A closure table would give the same answers at about
-- depth × 100,000 rows, rewritten on every move; row-level security would still need the path to
-- be cheap, and hides the predicate from the statements that page and count.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "entity" ADD COLUMN "ancestorIds" TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE "entity" ADD COLUMN "topOfOwner" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "entity_share" ADD COLUMN "topOfUser" BOOLEAN NOT NULL DEFAULT true;

-- Is `user_id` a member of the entity whose path and id are `ids`: does it own one of them, or is
-- one of them shared with it? Pass `"ancestorIds" || "id"` for the entity itself, `"ancestorIds"`
-- alone for its parent. The triggers below ask it; queries inline the same expression
-- (lib/entities/access.ts, memberOf), since a function with subqueries is not inlined and its call
-- cost about 130 µs against 8 µs inline (5,000 rows, bench/tree.ts's workspace).
-- lib/entities/tree.tops-follow-creates-moves-and-shares.db.test.ts holds the two to one answer.
CREATE FUNCTION entity_member(user_id TEXT, ids TEXT[]) RETURNS BOOLEAN
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM unnest(ids) AS i("id") JOIN "entity" a ON a."id" = i."id"
     WHERE a."ownerId" = user_id
        OR EXISTS (SELECT 1 FROM "entity_share" s WHERE s."entityId" = a."id" AND s."userId" = user_id))
$$;

-- The paths and flags of what is stored already.
WITH RECURSIVE paths AS (
  SELECT e."id", ARRAY[]::TEXT[] AS path FROM "entity" e WHERE e."parentId" IS NULL
  UNION ALL
  SELECT c."id", p.path || c."parentId" FROM "entity" c JOIN paths p ON c."parentId" = p."id" WHERE cardinality(p.path) < 1000
)
UPDATE "entity" e SET "ancestorIds" = paths.path FROM paths WHERE paths."id" = e."id" AND cardinality(paths.path) > 0;
UPDATE "entity" e SET "topOfOwner" = NOT entity_member(e."ownerId", e."ancestorIds") WHERE e."parentId" IS NOT NULL;
UPDATE "entity_share" s SET "topOfUser" = NOT entity_member(s."userId", e."ancestorIds") FROM "entity" e WHERE e."id" = s."entityId";

-- Any constant: the advisory lock of the tree's shape (lib/entities/move-entity.ts takes it too).
-- A move or a share takes it alone; an insert shares it, so it reads its parent's path and who is a
-- member there only when no move or share is half done, and a move sees every insert that came first.

-- An entity's path and flag from its parent, as it is inserted.
CREATE FUNCTION entity_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7311101);
  IF NEW."parentId" IS NULL THEN
    NEW."ancestorIds" := '{}';
  ELSE
    -- No parent found: the foreign key refuses the row at the end of the statement.
    NEW."ancestorIds" := COALESCE((SELECT p."ancestorIds" || p."id" FROM "entity" p WHERE p."id" = NEW."parentId"), '{}');
  END IF;
  NEW."topOfOwner" := NOT entity_member(NEW."ownerId", NEW."ancestorIds");
  RETURN NEW;
END $$;
CREATE TRIGGER "entity_before_insert" BEFORE INSERT ON "entity" FOR EACH ROW EXECUTE FUNCTION entity_before_insert();

-- A move (or a new owner): the entity's own path and flag…
CREATE FUNCTION entity_before_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7311101);
  IF NEW."parentId" IS NULL THEN
    NEW."ancestorIds" := '{}';
  ELSE
    NEW."ancestorIds" := COALESCE((SELECT p."ancestorIds" || p."id" FROM "entity" p WHERE p."id" = NEW."parentId"), '{}');
  END IF;
  NEW."topOfOwner" := NOT entity_member(NEW."ownerId", NEW."ancestorIds");
  RETURN NEW;
END $$;
CREATE TRIGGER "entity_before_move" BEFORE UPDATE OF "parentId", "ownerId" ON "entity" FOR EACH ROW
  WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId")
  EXECUTE FUNCTION entity_before_move();

-- …then the paths below it, and every grant in its subtree: only their ancestors changed, so
-- nothing outside the subtree does.
CREATE FUNCTION entity_after_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "entity" x SET "ancestorIds" = NEW."ancestorIds" || x."ancestorIds"[cardinality(OLD."ancestorIds") + 1:]
   WHERE x."ancestorIds" @> ARRAY[NEW."id"];
  UPDATE "entity" x SET "topOfOwner" = NOT x."topOfOwner"
   WHERE x."ancestorIds" @> ARRAY[NEW."id"] AND x."topOfOwner" = entity_member(x."ownerId", x."ancestorIds");
  UPDATE "entity_share" s SET "topOfUser" = NOT s."topOfUser" FROM "entity" x
   WHERE s."entityId" = x."id" AND (x."id" = NEW."id" OR x."ancestorIds" @> ARRAY[NEW."id"])
     AND s."topOfUser" = entity_member(s."userId", x."ancestorIds");
  RETURN NULL;
END $$;
CREATE TRIGGER "entity_after_move" AFTER UPDATE OF "parentId", "ownerId" ON "entity" FOR EACH ROW
  WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD."ownerId" IS DISTINCT FROM NEW."ownerId")
  EXECUTE FUNCTION entity_after_move();

-- A share: its own flag, and the user's grants below it are no longer tops.
CREATE FUNCTION entity_share_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7311101);
  NEW."topOfUser" := NOT entity_member(NEW."userId", COALESCE((SELECT e."ancestorIds" FROM "entity" e WHERE e."id" = NEW."entityId"), '{}'));
  RETURN NEW;
END $$;
CREATE TRIGGER "entity_share_before_insert" BEFORE INSERT ON "entity_share" FOR EACH ROW EXECUTE FUNCTION entity_share_before_insert();

CREATE FUNCTION entity_share_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "entity" x SET "topOfOwner" = false
   WHERE x."ownerId" = NEW."userId" AND x."topOfOwner" AND x."ancestorIds" @> ARRAY[NEW."entityId"];
  UPDATE "entity_share" s SET "topOfUser" = false FROM "entity" x
   WHERE s."userId" = NEW."userId" AND s."topOfUser" AND s."entityId" = x."id" AND x."ancestorIds" @> ARRAY[NEW."entityId"];
  RETURN NULL;
END $$;
CREATE TRIGGER "entity_share_after_insert" AFTER INSERT ON "entity_share" FOR EACH ROW EXECUTE FUNCTION entity_share_after_insert();

-- A share gone (its user deleted): the user's grants below it may be tops again.
CREATE FUNCTION entity_share_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "entity" x SET "topOfOwner" = NOT x."topOfOwner"
   WHERE x."ownerId" = OLD."userId" AND x."ancestorIds" @> ARRAY[OLD."entityId"]
     AND x."topOfOwner" = entity_member(x."ownerId", x."ancestorIds");
  UPDATE "entity_share" s SET "topOfUser" = NOT s."topOfUser" FROM "entity" x
   WHERE s."userId" = OLD."userId" AND s."entityId" = x."id" AND x."ancestorIds" @> ARRAY[OLD."entityId"]
     AND s."topOfUser" = entity_member(s."userId", x."ancestorIds");
  RETURN NULL;
END $$;
CREATE TRIGGER "entity_share_after_delete" AFTER DELETE ON "entity_share" FOR EACH ROW EXECUTE FUNCTION entity_share_after_delete();

-- Children in name order, a page at a time (also the foreign key's index, replacing parentId's own).
DROP INDEX "entity_parentId_idx";
CREATE INDEX "entity_parentId_name_id_idx" ON "entity" ("parentId", "name", "id");
-- An engineer's roots: the entities they own that are the top of their tree, in name order.
CREATE INDEX "entity_top_of_owner_idx" ON "entity" ("ownerId", "name", "id") WHERE "topOfOwner";
-- Subtrees (moves, shares, search within what a user sees): entities by any of their ancestors.
CREATE INDEX "entity_ancestorIds_idx" ON "entity" USING gin ("ancestorIds");
-- Entities of a type by name: the move dialog's targets, search by type.
CREATE INDEX "entity_type_name_id_idx" ON "entity" ("type", "name", "id");
-- Search by any part of the name, as people type.
CREATE INDEX "entity_name_trgm_idx" ON "entity" USING gin ("name" gin_trgm_ops);
