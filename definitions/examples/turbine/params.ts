import { geoPoint, number, parametrization, section, type ParamsOf } from "@/lib/params";

/**
 * A wind turbine after VIKTOR's wind-turbine sample: where it stands, how big it is, how well its
 * rotor converts the wind. The rotor is a glTF model (assets/rotor.glb) on a tower drawn from the params.
 */
const turbineParams = parametrization(
  {
    location: section("Location", {
      point: geoPoint("Position", { default: { lat: 52.4651, lon: 4.5598 }, description: "Where the tower stands." }),
      altitude: number("Altitude", {
        min: 0,
        max: 8850,
        default: 0,
        suffix: "m",
        description: "Above sea level: the air thins with height.",
      }),
    }),
    geometry: section("Geometry", {
      radius: number("Rotor radius", { min: 2, max: 120, default: 5, suffix: "m" }),
      height: number("Hub height", {
        min: 2,
        max: 200,
        default: 20,
        suffix: "m",
        description: "At least the rotor radius, so the blades clear the ground.",
      }),
    }),
    performance: section("Performance", {
      powerCoefficient: number("Power coefficient", { min: 0.25, max: 0.45, default: 0.35, step: 0.01, decimals: 2, variant: "slider" }),
    }),
  },
  { "geometry.height": { min: ({ params }) => params.geometry.radius ?? 2 } },
);

export type TurbineParams = ParamsOf<typeof turbineParams>;

export default turbineParams;
