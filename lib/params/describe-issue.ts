import type * as z from "zod";
import type { ParamsError, ParamsRule } from "./errors";
import type { GeoIssueParams } from "./geo-schema";
import { MESSAGES } from "./messages";
import type { Node } from "./types";
import { isGroup, joinPath, type LocatedNode } from "./layout-tree";

/**
 * @internal Turn a zod issue into the errors an engineer reads. Messages are made here, and only
 * for refused params, so that the schema itself stays plain zod and accepting params costs nothing
 * extra. Needs the issue's `input` (`reportInput: true`) to tell an empty value from a wrong one.
 */
export function describeIssue(issue: z.core.$ZodIssue, nodes: ReadonlyMap<string, LocatedNode>): ParamsError[] {
  const { located, path, inside } = locate(issue.path, nodes);
  const error = (rule: ParamsRule, message: string): ParamsError[] => [{ path, rule, message }];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: joinPath(path, key),
      rule: "unknownField",
      message: MESSAGES.unknownField(located?.node, key),
    }));
  }
  if (!located) return error("type", "Params must be an object of fields");
  const node: Node = located.node;
  const empty = issue.input === undefined || issue.input === null;
  if (empty && inside.length === 0 && !isGroup(node)) return error("required", MESSAGES.required(node));

  switch (issue.code) {
    case "too_small":
      if (inside.length > 0 && node.kind === "file") return error("type", MESSAGES.type(node));
      if (issue.origin === "string") {
        // Without a minLength, the only string bound is "not empty": a required text or an entity id.
        const minLength = "minLength" in node ? node.minLength : undefined;
        if (minLength !== undefined) return error("minLength", MESSAGES.minLength(node, minLength));
        return "optional" in node && node.optional ? error("type", MESSAGES.type(node)) : error("required", MESSAGES.required(node));
      }
      if (issue.origin === "array") return error("minRows", MESSAGES.minRows(node, Number(issue.minimum)));
      return error("min", MESSAGES.min(node, Number(issue.minimum)));
    case "too_big":
      if (node.kind === "file") return error("fileSize", MESSAGES.fileSize(node));
      if (issue.origin === "string") return error("maxLength", MESSAGES.maxLength(node, Number(issue.maximum)));
      if (issue.origin === "array") return error("maxRows", MESSAGES.maxRows(node, Number(issue.maximum)));
      return error("max", MESSAGES.max(node, Number(issue.maximum)));
    case "invalid_value":
      return error("option", MESSAGES.option(node, issue.values.filter(isOptionValue)));
    case "custom": {
      // The refinements in a params schema: a file's accepted types, and the geo checks (geo-schema.ts).
      if (node.kind === "file") return error("fileType", MESSAGES.fileType(node));
      const geo = issue.params as GeoIssueParams | undefined;
      return geo?.rule ? error(geo.rule, MESSAGES[geo.rule](node, issue.message)) : error("type", MESSAGES.type(node));
    }
    default:
      return error("type", MESSAGES.type(node));
  }
}

/** The deepest node a zod path reaches, the value path to report, and the segments past that node. */
function locate(zodPath: readonly PropertyKey[], nodes: ReadonlyMap<string, LocatedNode>) {
  let located: LocatedNode | undefined;
  let layoutPath = "";
  let path = "";
  let inside: PropertyKey[] = [];
  for (const segment of zodPath) {
    if (typeof segment === "number") {
      path = joinPath(path, segment);
      inside.push(segment);
      continue;
    }
    const key = String(segment);
    layoutPath = layoutPath ? `${layoutPath}.${key}` : key;
    const found = nodes.get(layoutPath);
    if (found) {
      located = found;
      path = joinPath(path, key);
      inside = [];
    } else {
      // Past a field, e.g. `size` within a file reference: the error belongs to the field itself.
      inside.push(key);
    }
  }
  return { located, path, inside };
}

function isOptionValue(value: unknown): value is string | number {
  return typeof value === "string" || typeof value === "number";
}
