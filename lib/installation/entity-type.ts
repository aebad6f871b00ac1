import type { Controller } from "@/lib/controller";
import { paramsJsonParser, type FromFile } from "@/lib/entities/file-import";
import type { Parametrization } from "@/lib/params";

/**
 * An entity type: what an app author declares in a folder of definitions/ and lists in
 * definitions/entity-types.ts. Its params are typed by the parametrization; its views by the
 * controller built from that same parametrization.
 */
export interface EntityType<P extends Parametrization = Parametrization> {
  /** Stored on every entity of the type; a slug ("beam"). Never rename it once entities exist. */
  readonly name: string;
  /** Shown to people: "Steel beam". */
  readonly label: string;
  readonly description?: string;
  readonly params: P;
  /** The views (and buttons) of the type; null for a type that only holds others (a project). */
  readonly controller: Controller<P> | null;
  /** Where an entity of this type may be created: at the top of the tree, under entities of these types. */
  readonly placement: Placement;
  /**
   * The type's folder under definitions/, whose `params.ts` exports `params`: the browser's form
   * loads the parametrization from there (and nothing else of the type). Default: the name.
   */
  readonly folder: string;
  /**
   * How an entity of this type is created from an uploaded file: the author's (`fromFile`), then
   * the JSON import of a params export, which every type gets.
   */
  readonly fromFiles: readonly FromFile<P>[];
}

export interface Placement {
  /** May sit at the top of the tree. */
  readonly atRoot: boolean;
  /** The types whose entities may hold one of this type, by name. */
  readonly under: readonly string[];
}

export interface EntityTypeDefinition<P extends Parametrization> {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly params: P;
  readonly controller?: Controller<P>;
  /**
   * Where it may be created. `under`: the types that may hold it, by name (`["project"]`).
   * `atRoot`: at the top of the tree. Default: at the top only; naming `under` alone means only there.
   */
  readonly placement?: { readonly atRoot?: boolean; readonly under?: readonly string[] };
  /** The folder under definitions/ whose `params.ts` exports this type's `params`. Default: `name`. */
  readonly folder?: string;
  /** Creates entities of this type from an uploaded file (VIKTOR's ParamsFromFile). Default: only the JSON import every type has. */
  readonly fromFile?: FromFile<P> | readonly FromFile<P>[];
}

export function entityType<P extends Parametrization>(definition: EntityTypeDefinition<P>): EntityType<P> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Entity type name "${definition.name}" must be a lowercase slug (a-z, 0-9, -).`);
  }
  if (definition.controller && definition.controller.params !== definition.params) {
    throw new Error(`Entity type "${definition.name}": its controller was built from another parametrization.`);
  }
  const under = definition.placement?.under ?? [];
  return Object.freeze({
    name: definition.name,
    label: definition.label,
    description: definition.description,
    params: definition.params,
    controller: definition.controller ?? null,
    placement: Object.freeze({
      atRoot: definition.placement?.atRoot ?? definition.placement?.under === undefined,
      under: Object.freeze([...under]),
    }),
    folder: definition.folder ?? definition.name,
    fromFiles: Object.freeze([...authorFromFiles(definition.fromFile), jsonImport<P>(definition.name, definition.label)]),
  });
}

function authorFromFiles<P extends Parametrization>(fromFile: FromFile<P> | readonly FromFile<P>[] | undefined): readonly FromFile<P>[] {
  if (!fromFile) return [];
  return "parse" in fromFile ? [fromFile] : fromFile;
}

/** The JSON import of `paramsToJson` exports (the editor's "Export params"), which every type has. */
function jsonImport<P extends Parametrization>(name: string, label: string): FromFile<P> {
  return { label: `${label} from a Gusset JSON export`, accept: [".json"], parse: paramsJsonParser(name) };
}
