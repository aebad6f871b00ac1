/**
 * The two ways `solveBeam` refuses a beam. Both messages are written for the
 * engineer who typed the input and are safe to show as they are.
 */

/** Why an input was refused: a closed list, so a UI can map each to a field. */
export const invalidBeamCodes = [
  "not-a-number",
  "too-few-nodes",
  "zero-length-element",
  "non-positive-stiffness",
  "outside-beam",
  "empty-distributed-load",
  "duplicate-support",
  "non-positive-spring",
] as const;

export type InvalidBeamCode = (typeof invalidBeamCodes)[number];

/** The input is not a beam the solver can analyse (a typo, a load off the beam…). */
export class InvalidBeamError extends Error {
  override readonly name = "InvalidBeamError";
  constructor(
    readonly code: InvalidBeamCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The supports cannot hold the beam in place: it would move or rotate as a
 * rigid body, so no static solution exists.
 */
export class UnstableStructureError extends Error {
  override readonly name = "UnstableStructureError";
}

/** @internal A position for a message: "3 m", "2.6667 m". */
export function metres(x: number): string {
  return `${Number(x.toFixed(4))} m`;
}
