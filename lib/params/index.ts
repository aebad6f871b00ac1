// The parametrization DSL: the one entry point for definitions, the form and the server.
// Pure TypeScript with zod; no React, no database, nothing Node-only (definitions run in the browser too).

export { parametrization, type Parametrization, type ParamsOf } from "./parametrization";
export { boolean, color, date, entity, file, integer, number, text, textarea } from "./value-fields";
export { autocomplete, multiSelect, option } from "./choice-fields";
export { geoPoint, geoPolygon, geoPolyline } from "./geo-fields";
export { dynamicArray, table } from "./row-fields";
export { button, image, lineBreak, markdown, section, step, tab } from "./layout-nodes";

export { validateParams, type ValidateOptions } from "./validate-params";
export type { ParamsSource } from "./build-schema";
export { withDefaults, newRow, type ParamsDraft } from "./with-defaults";
export { keepIgnoredValues } from "./keep-ignored-values";
export { resolveLayout, type ResolvedLayout, type ResolvedNode, type ResolvedOption } from "./resolve-layout";

export { PARAMS_RULES, ParamsDefinitionError, formatParamsError } from "./errors";
export type { ParamsError, ParamsResult, ParamsRule } from "./errors";
export type { ComputedRules, RowRuleContext, RuleContext, RuleResults } from "./computed-rules";
export { DEFAULT_FLEX, NODE_KINDS } from "./types";
export type * from "./types";
