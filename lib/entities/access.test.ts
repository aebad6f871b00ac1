import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { canCreate, canEdit, canRead } from "./access";

const as = (id: string, ...roles: Role[]) => ({ id, roles });
// The members of the entity: its owner and the engineer it is shared with.
const members = ["owner", "shared"];

describe("access to an entity", () => {
  it.each([
    ["its owner, an engineer", as("owner", "engineer"), true, true],
    ["an engineer it is shared with", as("shared", "engineer"), true, true],
    ["another engineer", as("other", "engineer"), false, false],
    ["a reviewer", as("rev", "reviewer"), true, false],
    ["a reviewer who is a member but no engineer", as("owner", "reviewer"), true, false],
    ["a reviewer and engineer who is a member", as("shared", "reviewer", "engineer"), true, true],
    ["a reviewer and engineer who is not a member", as("other", "reviewer", "engineer"), true, false],
    ["an admin", as("adm", "admin"), true, true],
    ["a user without roles who is a member", as("owner"), false, false],
  ])("%s: read %s, edit %s", (_, actor, read, edit) => {
    const facts = { member: members.includes(actor.id) };
    expect([canRead(actor, facts), canEdit(actor, facts)]).toEqual([read, edit]);
  });

  it("lets engineers and admins create, not reviewers", () => {
    expect([canCreate(as("a", "engineer")), canCreate(as("b", "admin")), canCreate(as("c", "reviewer"))]).toEqual([true, true, false]);
  });
});
