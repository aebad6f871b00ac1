/**
 * What views return: plain JSON, sent to the browser as is.
 *
 * Glossary
 * - result: the value a view method returns; `kind` says which renderer draws it.
 * - data item: a labelled value with unit, decimals and an optional status.
 * - scene: the objects a geometry view draws, in metres, z up (or y up, as the result says).
 * - feature: what a map view draws at places on the earth, in degrees (WGS84).
 */
import type { FileRef, GeoPoint } from "@/lib/params";

export type Status = "success" | "warning" | "error";

export interface DataItem {
  readonly label: string;
  readonly value: number | string | boolean | null;
  /** Unit shown after the value: "kNm". */
  readonly suffix?: string;
  /** Decimals a number is shown with. Default: as it comes. */
  readonly decimals?: number;
  readonly status?: Status;
  /** Why the status: "UC > 1: choose a heavier profile". */
  readonly message?: string;
  /** Nested items, shown indented under this one. */
  readonly children?: readonly DataItem[];
}

export interface DataResult {
  readonly kind: "data";
  readonly items: readonly DataItem[];
}

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly type: "number" | "text";
  readonly suffix?: string;
  readonly decimals?: number;
}

export interface TableResult {
  readonly kind: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, number | string | null>>[];
}

export interface ImageResult {
  readonly kind: "image";
  readonly format: "svg" | "png";
  /** SVG markup, or PNG bytes in base64. */
  readonly data: string;
  readonly alt: string;
}

export interface PlotAxis {
  readonly label: string;
  readonly unit?: string;
  /** Draw the axis reversed (e.g. moments with sagging down). Default: false. */
  readonly reversed?: boolean;
}

export interface PlotXAxis extends PlotAxis {
  /**
   * Named categories in the order shown ("Case 1", "Case 2"): points then give their x as one of
   * these names. Default: a numeric axis, unless points give names as x (then in order of appearance).
   */
  readonly categories?: readonly string[];
}

/** A point: `[x, y]`, or with a colour of its own (a bar or a dot coloured by its status). x is a number, or a category's name. */
export type PlotPoint =
  readonly [x: number | string, y: number] | { readonly x: number | string; readonly y: number; readonly color?: string };

export interface PlotSeries {
  readonly name: string;
  readonly type: "line" | "scatter" | "bar";
  readonly points: readonly PlotPoint[];
  /** The series' colour; a point's own colour wins. Default: the next of the plot's colours. */
  readonly color?: string;
}

/** A horizontal line across the plot at a value of y, such as a limit (UC = 1). */
export interface PlotReferenceLine {
  readonly y: number;
  readonly label?: string;
  /** Default: a dark grey. */
  readonly color?: string;
}

/** One step of an animation (an iteration, a load position): its series, drawn over the plot's own. */
export interface PlotFrame {
  readonly label: string;
  readonly series: readonly PlotSeries[];
}

export interface PlotResult {
  readonly kind: "plot";
  readonly x: PlotXAxis;
  readonly y: PlotAxis;
  /** Drawn in every frame (a target, an envelope); the only series when there are no frames. */
  readonly series: readonly PlotSeries[];
  readonly referenceLines?: readonly PlotReferenceLine[];
  /** An animation: a slider and a play button step through the frames; the axes fit every frame. */
  readonly frames?: readonly PlotFrame[];
}

export type Vector3 = readonly [number, number, number];

export interface Material {
  readonly color?: string;
  /** 0 (clear) to 1 (opaque). Default: 1. */
  readonly opacity?: number;
  readonly metalness?: number;
  readonly roughness?: number;
}

interface SceneObjectBase {
  /** Shown when the object is picked. */
  readonly name?: string;
  readonly material?: Material;
}

/** Turns about the object's own centre, in degrees: about x, then y, then z. Default: none. */
interface Rotated {
  readonly rotation?: Vector3;
}

/** Where a glTF model comes from: a file uploaded to Gusset (a file field's value), or one in the entity type's `assets/` folder. */
export type ModelSource = { readonly file: FileRef } | { readonly asset: string };

export type SceneObject =
  | (SceneObjectBase & Rotated & { readonly shape: "box"; readonly center: Vector3; readonly size: Vector3 })
  /** `scale` stretches the sphere along its axes (an ellipsoid of radii radius × scale). */
  | (SceneObjectBase & Rotated & { readonly shape: "sphere"; readonly center: Vector3; readonly radius: number; readonly scale?: Vector3 })
  | (SceneObjectBase & { readonly shape: "cylinder"; readonly from: Vector3; readonly to: Vector3; readonly radius: number })
  /** A 2D profile (in the plane across the line, [y, z] in m) swept along a straight line. */
  | (SceneObjectBase & {
      readonly shape: "extrusion";
      readonly from: Vector3;
      readonly to: Vector3;
      readonly profile: readonly (readonly [number, number])[];
    })
  | (SceneObjectBase & { readonly shape: "line"; readonly from: Vector3; readonly to: Vector3 })
  | (SceneObjectBase & { readonly shape: "polyline"; readonly points: readonly Vector3[] })
  | (SceneObjectBase & { readonly shape: "point"; readonly at: Vector3 })
  | (SceneObjectBase & {
      readonly shape: "mesh";
      readonly vertices: readonly Vector3[];
      readonly faces: readonly (readonly [number, number, number])[];
    })
  | (SceneObjectBase & { readonly shape: "label"; readonly at: Vector3; readonly text: string })
  | (SceneObjectBase & { readonly shape: "group"; readonly children: readonly SceneObject[] })
  /**
   * A glTF or GLB model, its origin placed `at`, turned by `rotation` and stretched by `scale`. glTF
   * is y up by its standard; the view turns it upright in a z-up scene. `material` is ignored: the
   * model has its own.
   */
  | (SceneObjectBase &
      Rotated & { readonly shape: "model"; readonly source: ModelSource; readonly at?: Vector3; readonly scale?: number | Vector3 });

export interface GeometryResult {
  readonly kind: "geometry";
  readonly objects: readonly SceneObject[];
  /** Which axis points up, for the camera and the light: "z" (engineering) or "y" (glTF, most 3D tools). Default: "z". */
  readonly up?: "z" | "y";
}

/** A link from a map feature to an entity: opens it in the editor. */
export interface MapEntityLink {
  readonly label: string;
  readonly entityId: string;
}

interface MapFeatureBase {
  /** Shown when the feature is clicked, and in the list of features under the map. */
  readonly title?: string;
  readonly description?: string;
  /** Default: blue. */
  readonly color?: string;
  readonly entityLinks?: readonly MapEntityLink[];
}

export type MapFeature =
  | (MapFeatureBase & {
      readonly shape: "point";
      readonly at: GeoPoint;
      readonly icon?: "circle" | "square" | "triangle" | "pin" | "cross";
    })
  | (MapFeatureBase & { readonly shape: "line"; readonly from: GeoPoint; readonly to: GeoPoint })
  | (MapFeatureBase & { readonly shape: "polyline"; readonly points: readonly GeoPoint[] })
  /** A closed ring (as a geoPolygon field holds it; an open one is closed for you) with optional holes. */
  | (MapFeatureBase & {
      readonly shape: "polygon";
      readonly points: readonly GeoPoint[];
      readonly holes?: readonly (readonly GeoPoint[])[];
    })
  /** Text on the map, not clickable. */
  | { readonly shape: "label"; readonly at: GeoPoint; readonly text: string };

export interface MapLegendEntry {
  readonly color: string;
  readonly label: string;
}

export interface MapResult {
  readonly kind: "map";
  readonly features: readonly MapFeature[];
  readonly legend?: readonly MapLegendEntry[];
}

export interface PdfResult {
  readonly kind: "pdf";
  /** PDF bytes in base64. */
  readonly data: string;
  readonly fileName: string;
}

export interface WebResult {
  readonly kind: "web";
  /** HTML, sanitised and shown in a sandboxed frame. */
  readonly html: string;
}

/** A picture (image, geometry, plot or map) and its numbers side by side. */
export interface CombinedResult {
  readonly kind: "combined";
  readonly main: ImageResult | GeometryResult | PlotResult | MapResult;
  readonly data: DataResult;
}

export type ViewResult =
  DataResult | TableResult | ImageResult | PlotResult | GeometryResult | MapResult | PdfResult | WebResult | CombinedResult;
export type ViewKind = ViewResult["kind"];
