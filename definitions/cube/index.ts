import { controller, dataView, geometryView, imageView } from "@/lib/controller";
import { entityType } from "@/lib/installation";
import cubeParams, { type CubeParams } from "./params";

export function volumeOf({ length, width, height }: CubeParams): number {
  return length * width * height;
}

export const cubeController = controller(cubeParams, {
  views: {
    volume: dataView("Volume", ({ params }) => ({
      kind: "data",
      items: [
        { label: "Volume", value: volumeOf(params), suffix: "m³", decimals: 3 },
        {
          label: "Surface",
          value: 2 * (params.length * params.width + params.width * params.height + params.height * params.length),
          suffix: "m²",
          decimals: 3,
        },
      ],
    })),
    model: geometryView("3D model", ({ params }) => ({
      kind: "geometry",
      objects: [
        {
          shape: "box",
          name: `Cube ${params.length} × ${params.width} × ${params.height} m`,
          center: [0, 0, params.height / 2],
          size: [params.length, params.width, params.height],
          material: { color: "#2f6fde", roughness: 0.6 },
        },
      ],
    })),
    sketch: imageView("Sketch", ({ params }) => ({
      kind: "image",
      format: "svg",
      data: sketchOf(params),
      alt: "Plan and elevation of the cube",
    })),
  },
  summary: { volume: { label: "Volume", view: "volume", item: "Volume" } },
});

/** The Cube: three dimensions, its volume, a 3D model and a sketch; kept in projects. */
export default entityType({
  name: "cube",
  label: "Cube",
  params: cubeParams,
  controller: cubeController,
  placement: { under: ["project"] },
});

/** Plan (length × width) and elevation (length × height), side by side, scaled to fit. */
function sketchOf({ length, width, height }: CubeParams): string {
  const scale = 120 / Math.max(length, width, height);
  const [l, w, h] = [length * scale, width * scale, height * scale];
  const label = (x: number, y: number, text: string) =>
    `<text x="${x}" y="${y}" font-size="11" text-anchor="middle" fill="#334155">${text}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">
  <rect x="20" y="${150 - w}" width="${l}" height="${w}" fill="#d9eaff" stroke="#2359c0"/>
  ${label(20 + l / 2, 168, `plan ${length} × ${width} m`)}
  <rect x="180" y="${150 - h}" width="${l}" height="${h}" fill="#eef6ff" stroke="#2359c0"/>
  ${label(180 + l / 2, 168, `elevation ${length} × ${height} m`)}
</svg>`;
}
