import { buildSchema, optionValue } from "./build-schema";
import type { RuleName } from "./computed-rules";
import { describeIssue } from "./describe-issue";
import { ParamsDefinitionError } from "./errors";
import { labelOf } from "./messages";
import type { Parametrization } from "./parametrization";
import type { NodeKind } from "./types";
import { defaultValueOf, withDefaults } from "./with-defaults";
import { isChoice, lineageOf, walkLayout, type LocatedNode } from "./layout-tree";

// Keys are path segments and property names: no dots, brackets or prototype tricks.
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const COLUMN_KINDS = ["number", "integer", "text", "boolean", "option", "autocomplete", "date", "color"] as const;
const DISPLAY_KINDS = ["markdown", "lineBreak", "image", "button"] as const;
const ROW_ITEM_KINDS = [
  ...COLUMN_KINDS,
  "textarea",
  "multiSelect",
  "entity",
  "file",
  "geoPoint",
  "geoPolyline",
  "geoPolygon",
  ...DISPLAY_KINDS,
] as const;
const SECTION_KINDS = [...ROW_ITEM_KINDS, "table", "dynamicArray"] as const;

/** Which nodes may sit where (the types say the same; this also catches untyped authors). */
const ALLOWED_IN: Record<"top" | "page" | "section" | "table" | "dynamicArray", readonly NodeKind[]> = {
  top: [...SECTION_KINDS, "section", "tab", "step"],
  page: [...SECTION_KINDS, "section"],
  section: SECTION_KINDS,
  table: COLUMN_KINDS,
  dynamicArray: ROW_ITEM_KINDS,
};

/**
 * @internal Check a parametrization once, when it is defined, and throw every mistake found:
 * bad keys or nesting, choices without options, rules on paths or nodes that cannot have them,
 * defaults that break their own field's rules, and required fields without a default that can be
 * hidden (an empty hidden field would be refused while the user cannot see it).
 */
export function checkDefinition(parametrization: Parametrization): void {
  const nodes = walkLayout(parametrization.layout);
  const byPath = new Map(nodes.map((located) => [located.path, located]));
  const problems = [
    ...nodes.flatMap((located) => problemsOfNode(located, parametrization)),
    ...problemsOfTopLevel(nodes),
    ...Object.entries(parametrization.computed).flatMap(([path, rules]) => problemsOfRules(path, Object.keys(rules), byPath.get(path))),
  ];
  if (problems.length > 0) throw new ParamsDefinitionError(problems);
  const defaultProblems = problemsOfDefaults(parametrization, byPath);
  if (defaultProblems.length > 0) throw new ParamsDefinitionError(defaultProblems);
}

function problemsOfNode(located: LocatedNode, parametrization: Parametrization): string[] {
  const { node, key, path, parent } = located;
  const problems: string[] = [];
  if (!KEY.test(key)) problems.push(`${path}: the key "${key}" must be letters, digits and _, starting with a letter`);
  if (!ALLOWED_IN[containerOf(parent)].includes(node.kind)) {
    problems.push(`${path}: a ${node.kind} cannot be placed in ${parent ? `a ${parent.node.kind}` : "the top level"}`);
  }
  const rules = parametrization.computed[path];
  switch (node.kind) {
    case "option":
    case "autocomplete":
    case "multiSelect":
      if (node.options === undefined && !rules?.options) {
        problems.push(`${path}: ${labelOf(node)} has no options; give \`options\` or compute them`);
      } else if (node.options?.length === 0) {
        problems.push(`${path}: ${labelOf(node)} has an empty \`options\` list`);
      } else if (node.options && new Set(node.options.map(optionValue)).size !== node.options.length) {
        problems.push(`${path}: ${labelOf(node)} lists the same option value twice`);
      }
      break;
    case "number":
    case "integer":
      if (node.min !== undefined && node.max !== undefined && node.min > node.max) {
        problems.push(`${path}: ${labelOf(node)} has min ${node.min} above max ${node.max}`);
      }
      if (node.variant === "slider" && (node.min ?? rules?.min) === undefined) problems.push(`${path}: a slider needs a min`);
      if (node.variant === "slider" && (node.max ?? rules?.max) === undefined) problems.push(`${path}: a slider needs a max`);
      break;
    case "text":
    case "textarea":
      if ((node.minLength ?? 0) > (node.maxLength ?? Infinity)) {
        problems.push(`${path}: ${labelOf(node)} has minLength above maxLength`);
      }
      break;
    case "table":
    case "dynamicArray":
      if ((node.minRows ?? 0) > (node.maxRows ?? Infinity)) problems.push(`${path}: ${labelOf(node)} has minRows above maxRows`);
      break;
  }
  if (isRequiredWithoutDefault(located) && canBeHidden(located, parametrization)) {
    problems.push(`${path}: ${labelOf(node)} is required, has no default and can be hidden; give it a default or make it optional`);
  }
  return problems;
}

function containerOf(parent: LocatedNode | undefined): keyof typeof ALLOWED_IN {
  if (!parent) return "top";
  const { kind } = parent.node;
  return kind === "tab" || kind === "step" ? "page" : (kind as "section" | "table" | "dynamicArray");
}

// Rows start empty, so a field in a row is only hidden while empty by its own (per-row) rule; a
// field outside rows also by any enclosing group's.
function canBeHidden(located: LocatedNode, { computed }: Parametrization): boolean {
  if (located.scope !== "params") return Boolean(computed[located.path]?.visible);
  return lineageOf(located).some((at) => computed[at.path]?.visible);
}

function isRequiredWithoutDefault({ node }: LocatedNode): boolean {
  return "label" in node && !("optional" in node && node.optional) && defaultValueOf(node) === null;
}

function problemsOfTopLevel(nodes: readonly LocatedNode[]): string[] {
  const kinds = new Set(
    nodes.filter((located) => !located.parent).map(({ node }) => (node.kind === "tab" || node.kind === "step" ? node.kind : "other")),
  );
  if (kinds.size <= 1) return [];
  return [
    kinds.has("other") ? "top level: put every node in a tab (or a step), or use no tabs at all" : "top level: use tabs or steps, not both",
  ];
}

function problemsOfRules(path: string, names: readonly string[], located: LocatedNode | undefined): string[] {
  if (!located) return [`computed rules for "${path}": there is no node at this path`];
  const allowed = rulesAllowed(located);
  return names
    .filter((name) => !(allowed as readonly string[]).includes(name))
    .map(
      (name) =>
        `computed rules for "${path}": a ${located.node.kind}${located.scope === "column" ? " column" : ""} cannot have a computed ${name}`,
    );
}

function rulesAllowed({ node, scope }: LocatedNode): RuleName[] {
  const allowed: RuleName[] = scope === "column" ? [] : ["visible"];
  if (isChoice(node)) allowed.push("options");
  if (node.kind === "number" || node.kind === "integer") allowed.push("min", "max");
  return allowed;
}

// A new entity's params, through the schema. An empty required field, or too few rows, is the
// user's to fill; any other error is a default that breaks its own field's rules (out of bounds,
// not among the options, a table row of the wrong shape). The schema is built plain here: the
// compiled one is only built when params are first validated, which the browser never does.
function problemsOfDefaults(parametrization: Parametrization, nodes: ReadonlyMap<string, LocatedNode>): string[] {
  const schema = buildSchema(parametrization.layout, "storage");
  const parsed = schema.safeParse(withDefaults(parametrization, {}), { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues
    .flatMap((issue) => describeIssue(issue, nodes))
    .filter((error) => error.rule !== "required" && error.rule !== "minRows")
    .map((error) => `${error.path}: the default breaks a rule: ${error.message}`);
}
