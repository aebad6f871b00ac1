/**
 * What views return: plain JSON, sent to the browser as is.
 *
 * Glossary
 * - result: the value a view method returns; `kind` says which renderer draws it.
 * - data item: a labelled value with unit, decimals and an optional status.
 * - scene: the objects a geometry view draws, in metres, z up.
 */

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

export interface PlotSeries {
  readonly name: string;
  readonly type: "line" | "scatter" | "bar";
  readonly points: readonly (readonly [number, number])[];
  readonly color?: string;
}

export interface PlotResult {
  readonly kind: "plot";
  readonly x: PlotAxis;
  readonly y: PlotAxis;
  readonly series: readonly PlotSeries[];
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

export type SceneObject =
  | (SceneObjectBase & { readonly shape: "box"; readonly center: Vector3; readonly size: Vector3 })
  | (SceneObjectBase & { readonly shape: "sphere"; readonly center: Vector3; readonly radius: number })
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
  | (SceneObjectBase & { readonly shape: "group"; readonly children: readonly SceneObject[] });

export interface GeometryResult {
  readonly kind: "geometry";
  readonly objects: readonly SceneObject[];
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

/** A picture and its numbers side by side. */
export interface CombinedResult {
  readonly kind: "combined";
  readonly main: ImageResult | GeometryResult | PlotResult;
  readonly data: DataResult;
}

export type ViewResult = DataResult | TableResult | ImageResult | PlotResult | GeometryResult | PdfResult | WebResult | CombinedResult;
export type ViewKind = ViewResult["kind"];
