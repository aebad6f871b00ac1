/** Every rule a params value can break, in one closed list. */
export const PARAMS_RULES = [
  /** An empty value (or a missing one without default) in a required field. */
  "required",
  /** A value of the wrong kind: text for a number, a list for a group, a bad date or colour. */
  "type",
  "min",
  "max",
  "minLength",
  "maxLength",
  /** A value that is not among the field's options. */
  "option",
  "minRows",
  "maxRows",
  "fileType",
  "fileSize",
  /** A latitude outside −90 to 90 or a longitude outside −180 to 180. */
  "coordinates",
  /** Too few or too many points in a polyline or polygon. */
  "points",
  /** A polygon whose last point does not repeat its first. */
  "ring",
  /** A polygon whose edges cross or touch. */
  "selfIntersection",
  /** A key the parametrization does not know (refused only from the browser). */
  "unknownField",
  /** A computed rule threw; the author's callback has a bug, or read a value not filled in yet. */
  "computeFailed",
] as const;
export type ParamsRule = (typeof PARAMS_RULES)[number];

/** One reason params were refused. */
export interface ParamsError {
  /** Where: `loads.points[3].F`; `""` for the params object itself. */
  readonly path: string;
  readonly rule: ParamsRule;
  /** What is wrong, in an engineer's words and with the field's label: `Force must be at most 100 kN`. */
  readonly message: string;
}

/** Params that passed validation, or every reason they did not. Expected failures are values, not throws. */
export type ParamsResult<P> = { readonly ok: true; readonly params: P } | { readonly ok: false; readonly errors: readonly ParamsError[] };

/** One line for logs and API answers: `geometry.length: Length must be at most 30 m`. */
export function formatParamsError(error: ParamsError): string {
  return `${error.path || "params"}: ${error.message}`;
}

/** Thrown at start-up when a parametrization itself is wrong (an author's mistake, not a user's). */
export class ParamsDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid parametrization:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "ParamsDefinitionError";
  }
}
