-- The users page, a page at a time by name (lib/auth/list-users.ts): a range of this index, not a sort of every account.
CREATE INDEX "user_name_id_idx" ON "user" ("name", "id");
