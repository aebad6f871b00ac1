import * as z from "zod";
import { buildSchema, type ParamsSource } from "./build-schema";
import type { Parametrization } from "./parametrization";
import type { AnyComputedRules, AnyRules } from "./computed-rules";
import type { Node, NodesByKey } from "./types";
import { childrenOf, holdsValue, walkLayout, type LocatedNode } from "./layout-tree";

/** @internal What validation needs from a parametrization, built once per parametrization. */
export interface CompiledParametrization {
  readonly schemas: Readonly<Record<ParamsSource, z.ZodType>>;
  /** Every node by layout path. */
  readonly nodes: ReadonlyMap<string, LocatedNode>;
  /** The nodes that have computed rules, and those enclosing them: all that checking rules visits. */
  readonly rulePlan: readonly PlannedNode[];
}

/** @internal A node that has computed rules, or encloses one. */
export interface PlannedNode {
  readonly key: string;
  readonly node: Node;
  readonly rules: AnyRules | undefined;
  /** Its children (a table's columns) that have computed rules or enclose one. */
  readonly children: readonly PlannedNode[];
}

const compiledByParametrization = new WeakMap<Parametrization, CompiledParametrization>();

/** @internal The compiled form of a parametrization, built on first use and kept with it. */
export function compiledOf(parametrization: Parametrization): CompiledParametrization {
  let compiled = compiledByParametrization.get(parametrization);
  if (!compiled) {
    compiled = compile(parametrization);
    compiledByParametrization.set(parametrization, compiled);
  }
  return compiled;
}

// `z.compile` turns a schema into generated code (`new Function`). On the 200-row steel beam of
// bench/validate-params.ts, a hand-written zod schema validated 16,000 params a second as is and
// 236,000 compiled. Refused params, and any schema or place where code generation is refused (a
// strict CSP in the browser), go through zod's interpreter, so the issues reported are the same.
function compile(parametrization: Parametrization): CompiledParametrization {
  const nodes = new Map(walkLayout(parametrization.layout).map((located) => [located.path, located]));
  const withRules = new Set<string>();
  for (const path of Object.keys(parametrization.computed)) {
    for (let at = nodes.get(path); at; at = at.parent) withRules.add(at.path);
  }
  return {
    schemas: {
      browser: z.compile(buildSchema(parametrization.layout, "browser")),
      storage: z.compile(buildSchema(parametrization.layout, "storage")),
    },
    nodes,
    rulePlan: planOf(parametrization.layout, "", parametrization.computed, withRules),
  };
}

function planOf(nodes: NodesByKey<Node>, prefix: string, computed: AnyComputedRules, withRules: ReadonlySet<string>): PlannedNode[] {
  return Object.entries(nodes)
    .filter(([key, node]) => holdsValue(node) && withRules.has(prefix + key))
    .map(([key, node]) => {
      const children = childrenOf(node);
      return {
        key,
        node,
        rules: computed[prefix + key],
        children: children ? planOf(children, `${prefix}${key}.`, computed, withRules) : [],
      };
    });
}
