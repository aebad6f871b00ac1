/**
 * Stands for a stored task whose node the flow no longer has (renamed, removed, or a name that was
 * never valid). It shows the task in histories, and an admin may cancel it if it is still open; it
 * never leads anywhere. Flows do not declare it: `nodeOf` makes one for any name it does not know.
 */
export interface ObsoleteNode {
  readonly kind: "obsolete";
  readonly name: string;
  readonly edges: readonly [];
}

export function obsoleteNode(name: string): ObsoleteNode {
  return Object.freeze({ kind: "obsolete", name, edges: Object.freeze([] as const) });
}
