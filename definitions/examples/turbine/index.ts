import { combinedView, controller, geometryView, plotView } from "@/lib/controller";
import { entityType } from "@/lib/installation";
import turbineParams from "./params";
import { airDensity, power } from "./power";

/** A small turbine's rated power, kW: the line the class bars are held to. */
export const RATED_POWER = 5;
const WIND_SPEEDS = Array.from({ length: 100 }, (_, v) => v); // km/h

export const turbineController = controller(turbineParams, {
  views: {
    geometry: geometryView("Geometry", ({ params }) => {
      const { radius, height } = params.geometry;
      const towerRadius = Math.max(0.15, height / 60);
      // y up, as glTF: the tower and its foundation are drawn here, the rotor is the bundled model.
      return {
        kind: "geometry",
        up: "y",
        objects: [
          {
            shape: "box",
            name: "Foundation",
            center: [0, -0.5, 0],
            size: [towerRadius * 8, 1, towerRadius * 8],
            material: { color: "#a8a29e" },
          },
          {
            shape: "cylinder",
            name: `Tower, ${height} m`,
            from: [0, 0, 0],
            to: [0, height, 0],
            radius: towerRadius,
            material: { color: "#e2e8f0" },
          },
          {
            shape: "model",
            name: `Rotor, radius ${radius} m`,
            source: { asset: "rotor.glb" },
            at: [0, height, towerRadius * 1.6],
            scale: radius,
          },
        ],
      };
    }),
    power: combinedView("Power curve", ({ params }) => {
      const { radius } = params.geometry;
      const { altitude } = params.location;
      const { powerCoefficient } = params.performance;
      const curve = WIND_SPEEDS.map((v) => [v, power(v, { radius, altitude, powerCoefficient })] as const);
      return {
        kind: "combined",
        main: {
          kind: "plot",
          x: { label: "Wind speed", unit: "km/h" },
          y: { label: "Power", unit: "kW" },
          series: [{ name: "Power", type: "line", points: curve }],
        },
        data: {
          kind: "data",
          items: [
            { label: "Air density", value: airDensity(altitude), suffix: "kg/m³", decimals: 4 },
            { label: "Swept area", value: Math.PI * radius ** 2, suffix: "m²", decimals: 1 },
            { label: "Power at 50 km/h", value: power(50, { radius, altitude, powerCoefficient }), suffix: "kW", decimals: 1 },
          ],
        },
      };
    }),
    classes: plotView("Power by wind class", ({ params }) => {
      // A bar per IEC wind class, coloured by whether the rotor makes its rated power there.
      const classes = [
        { name: "Class IV (22 km/h)", v: 22 },
        { name: "Class III (27 km/h)", v: 27 },
        { name: "Class II (31 km/h)", v: 31 },
        { name: "Class I (36 km/h)", v: 36 },
      ];
      const args = {
        radius: params.geometry.radius,
        altitude: params.location.altitude,
        powerCoefficient: params.performance.powerCoefficient,
      };
      return {
        kind: "plot",
        x: { label: "Mean wind speed", categories: classes.map((c) => c.name) },
        y: { label: "Power", unit: "kW" },
        series: [
          {
            name: "Power at the mean wind speed",
            type: "bar",
            points: classes.map((c) => {
              const p = power(c.v, args);
              return { x: c.name, y: p, color: p >= RATED_POWER ? "#059669" : "#d97706" };
            }),
          },
        ],
        referenceLines: [{ y: RATED_POWER, label: `Rated ${RATED_POWER} kW` }],
      };
    }),
    map: combinedView("Map", ({ params, entity }) => {
      const { point } = params.location;
      const name = entity?.name ?? "Wind turbine";
      return {
        kind: "combined",
        main: {
          kind: "map",
          features: [
            {
              shape: "point",
              at: point,
              icon: "triangle",
              color: "#0891b2",
              title: name,
              description: `Hub ${params.geometry.height} m, rotor ${params.geometry.radius} m`,
            },
            { shape: "label", at: point, text: name },
          ],
          legend: [{ color: "#0891b2", label: "Turbine" }],
        },
        data: {
          kind: "data",
          items: [
            { label: "Latitude", value: point.lat, decimals: 5, suffix: "°" },
            { label: "Longitude", value: point.lon, decimals: 5, suffix: "°" },
          ],
        },
      };
    }),
  },
});

/** A wind turbine (a gallery example after VIKTOR's): a glTF rotor on a generated tower, its power curve, its place on the map. */
export default entityType({
  name: "turbine",
  label: "Wind turbine",
  params: turbineParams,
  controller: turbineController,
  folder: "examples/turbine",
  placement: { under: ["project"] },
});
