import { number, parametrization, type ParamsOf } from "@/lib/params";

/** The Cube of VIKTOR's call-flow seed: three dimensions, and views recomputed from them alone. */
const cubeParams = parametrization({
  length: number("Length", { min: 0.1, max: 100, default: 1, step: 0.1, suffix: "m" }),
  width: number("Width", { min: 0.1, max: 100, default: 1, step: 0.1, suffix: "m" }),
  height: number("Height", { min: 0.1, max: 100, default: 1, step: 0.1, suffix: "m" }),
});

export type CubeParams = ParamsOf<typeof cubeParams>;

export default cubeParams;
