/**
 * A geometry result made ready to draw, with no three.js here (so it is cheap
 * to test): groups flattened into named objects, and every box, sphere and
 * cylinder of one material gathered into one batch, drawn as one
 * InstancedMesh: a draw call per material instead of one per object. In software GL
 * (SwiftShader, 640×480) a frame of 10,000 boxes took 379 ms as separate
 * meshes and 274 ms instanced; merged into one geometry per material, 92 ms
 * (not adopted; docs/benchmarks.md, "Geometry: 10,000 objects").
 */
import type { Material, SceneObject, Vector3 } from "@/lib/controller/results";

export const DEFAULT_COLOR = "#94a3b8";

/** An object that is not a group, with the name it is picked by and its inherited material. */
export interface PlacedObject {
  readonly object: Exclude<SceneObject, { shape: "group" }>;
  /** The names of its groups and its own, joined by " › ": "Frame › Column 3". Empty when unnamed. */
  readonly name: string;
  readonly material: Required<Pick<Material, "color" | "opacity">> & Pick<Material, "metalness" | "roughness">;
}

export type InstancedShape = "box" | "sphere" | "cylinder";

export type PlacedModel = PlacedObject & { readonly object: Extract<SceneObject, { shape: "model" }> };

/** Shapes of one kind and material: one draw call. */
export interface InstanceBatch {
  readonly shape: InstancedShape;
  readonly material: PlacedObject["material"];
  readonly objects: readonly PlacedObject[];
}

export interface ScenePlan {
  readonly batches: readonly InstanceBatch[];
  /** Extrusions, meshes, lines, polylines, points and labels: one three.js object each. */
  readonly singles: readonly PlacedObject[];
  /** glTF models, loaded once drawn (their bounds are known only then). */
  readonly models: readonly PlacedModel[];
  readonly bounds: { readonly min: Vector3; readonly max: Vector3 } | null;
  readonly count: number;
}

const INSTANCED: ReadonlySet<string> = new Set<InstancedShape>(["box", "sphere", "cylinder"]);

export function planScene(objects: readonly SceneObject[]): ScenePlan {
  const placed: PlacedObject[] = [];
  flatten(objects, [], {}, placed);
  const batches = new Map<string, { shape: InstancedShape; material: PlacedObject["material"]; objects: PlacedObject[] }>();
  const singles: PlacedObject[] = [];
  const models: PlacedModel[] = [];
  for (const item of placed) {
    if (item.object.shape === "model") models.push(item as PlacedModel);
    else if (INSTANCED.has(item.object.shape)) {
      const shape = item.object.shape as InstancedShape;
      const key = `${shape}|${materialKey(item.material)}`;
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = { shape, material: item.material, objects: [] }));
      batch.objects.push(item);
    } else singles.push(item);
  }
  return { batches: [...batches.values()], singles, models, bounds: boundsOf(placed), count: placed.length };
}

function flatten(objects: readonly SceneObject[], names: readonly string[], inherited: Material, into: PlacedObject[]): void {
  for (const object of objects) {
    const material = { ...inherited, ...object.material };
    const path = object.name ? [...names, object.name] : names;
    if (object.shape === "group") flatten(object.children, path, material, into);
    else
      into.push({
        object,
        name: path.join(" › "),
        material: {
          color: material.color ?? DEFAULT_COLOR,
          opacity: material.opacity ?? 1,
          metalness: material.metalness,
          roughness: material.roughness,
        },
      });
  }
}

export function materialKey(material: PlacedObject["material"]): string {
  return `${material.color.toLowerCase()}|${material.opacity}|${material.metalness ?? ""}|${material.roughness ?? ""}`;
}

/**
 * The points that bound an object: exact for unturned boxes and spheres and for lines, conservative
 * for the rest (a turned box within its circumscribed sphere); a model by its origin until loaded.
 */
export function extentOf(object: PlacedObject["object"]): Vector3[] {
  switch (object.shape) {
    case "box": {
      const [cx, cy, cz] = object.center;
      const half = object.size.map((s) => Math.abs(s) / 2) as [number, number, number];
      const turned = object.rotation?.some((angle) => angle % 360 !== 0) ?? false;
      const radius = Math.hypot(...half);
      const [sx, sy, sz] = turned ? [radius, radius, radius] : half;
      return [
        [cx - sx, cy - sy, cz - sz],
        [cx + sx, cy + sy, cz + sz],
      ];
    }
    case "sphere": {
      const [cx, cy, cz] = object.center;
      const r = object.radius * Math.max(1, ...(object.scale ?? [1, 1, 1]).map(Math.abs));
      return [
        [cx - r, cy - r, cz - r],
        [cx + r, cy + r, cz + r],
      ];
    }
    case "cylinder":
    case "extrusion": {
      const r = object.shape === "cylinder" ? object.radius : Math.max(0, ...object.profile.map(([y, z]) => Math.hypot(y, z)));
      return [object.from, object.to].flatMap(([x, y, z]) => [[x - r, y - r, z - r] as const, [x + r, y + r, z + r] as const]);
    }
    case "line":
      return [object.from, object.to];
    case "polyline":
      return [...object.points];
    case "mesh":
      return [...object.vertices];
    case "point":
    case "label":
      return [object.at];
    case "model":
      return [object.at ?? [0, 0, 0]];
  }
}

function boundsOf(placed: readonly PlacedObject[]): ScenePlan["bounds"] {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const { object } of placed) {
    for (const point of extentOf(object)) {
      for (let i = 0; i < 3; i++) {
        const v = point[i]!;
        if (!Number.isFinite(v)) continue;
        if (v < min[i]!) min[i] = v;
        if (v > max[i]!) max[i] = v;
      }
    }
  }
  return min.every(Number.isFinite) ? { min: min as unknown as Vector3, max: max as unknown as Vector3 } : null;
}
