import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS, rolesWith } from "./permissions";
import { ROLES } from "./roles";

describe("the permission table", () => {
  it("names only known permissions, and every permission is held by some role", () => {
    for (const role of ROLES) for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    for (const permission of PERMISSIONS) expect(rolesWith(permission).length, permission).toBeGreaterThan(0);
  });

  it.each([
    ["engineer", "entity.edit.member", true],
    ["engineer", "entity.read.any", false],
    ["engineer", "flow.manage", false],
    ["reviewer", "entity.read.any", true],
    ["reviewer", "entity.create", false],
    ["admin", "flow.manage", true],
    ["admin", "users.manage", true],
  ] as const)("%s holds %s: %s", (role, permission, held) => {
    expect(can({ roles: [role] }, permission)).toBe(held);
  });

  it("gives a user of several roles every permission of each, and one of none nothing", () => {
    expect(can({ roles: ["engineer", "reviewer"] }, "entity.read.any")).toBe(true);
    expect(can({ roles: ["engineer", "reviewer"] }, "entity.create")).toBe(true);
    expect(PERMISSIONS.some((permission) => can({ roles: [] }, permission))).toBe(false);
  });
});
