import type { Role } from "./roles";

/**
 * What a user may do, by name: code asks for a permission, never for a role (STYLE.md, "Where parts
 * meet"). Roles are only the rows of this table. Pure, so the browser reads it too (the header).
 */
export const PERMISSIONS = [
  /** Sign in to the app's pages: the editor, the inbox, the flows. */
  "app.use",
  /** Read every entity, whoever owns it (reviewers review them). */
  "entity.read.any",
  /** Edit every entity. */
  "entity.edit.any",
  /** Edit the entities one is a member of (owns, or was given by a share, or sits under one of those). */
  "entity.edit.member",
  /** Create entities, and upload files to their file fields. */
  "entity.create",
  /** Start a flow for an entity one may edit ("Submit for review"). */
  "flow.start",
  /** Work the tasks of one's inbox and take tasks from one's queues. */
  "task.work",
  /** Manage processes and tasks: the error queue, revive, cancel, reassign, correct data; overrides who a task is for. */
  "flow.manage",
  /** See every account, disable accounts, end sessions. */
  "users.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who holds what. A user holding several roles holds every permission of each. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  engineer: ["app.use", "entity.edit.member", "entity.create", "flow.start", "task.work"],
  reviewer: ["app.use", "entity.read.any", "task.work"],
  admin: ["app.use", "entity.read.any", "entity.edit.any", "entity.create", "flow.start", "task.work", "flow.manage", "users.manage"],
};

/** Whether a user holding `roles` has the permission. */
export function can(user: { readonly roles: readonly Role[] }, permission: Permission): boolean {
  return user.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** The roles that hold a permission (the users page, messages). */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}
