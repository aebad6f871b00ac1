import { installed } from "@/lib/installation/install";
import type { FileField } from "@/lib/params";
import { walkLayout } from "@/lib/params/layout-tree";

/**
 * The `file(...)` field an upload is for, looked up in the registered type, so the size limit and
 * the allowed types are the author's, never what the browser sends. `path` is the field's value
 * path; row indices (`docs[2].file`) are ignored.
 */
export function fileFieldOf(typeName: string, path: string): FileField | null {
  const type = installed().entityType(typeName);
  if (!type) return null;
  const wanted = path.replace(/\[\d+\]/g, "");
  const found = walkLayout(type.params.layout).find((located) => located.path === wanted && located.node.kind === "file");
  return found ? (found.node as FileField) : null;
}
