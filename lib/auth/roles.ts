/** The roles a user may hold; a user may hold several. */
export const ROLES = ["engineer", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  engineer: "Engineer",
  reviewer: "Reviewer",
  admin: "Admin",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Keeps the known roles of a stored list, in canonical order. */
export function parseRoles(stored: readonly string[]): Role[] {
  return ROLES.filter((role) => stored.includes(role));
}
