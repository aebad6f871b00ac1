/**
 * The parametrization DSL: its words, its nodes, and the params type inferred from them.
 *
 * Glossary (lib/params uses these words, and only these):
 *
 * - **parametrization**: the input definition of an entity type: a layout plus its computed rules.
 * - **layout**: the tree of nodes an author declares. Plain data: no functions, JSON-serialisable.
 * - **node**: one entry of a layout: a page, a section, a field or a display item. Its key in the
 *   enclosing object is its name in params; the key order is the display order.
 * - **page**: a top-level group shown as a tab, or as a step of a wizard.
 * - **section**: a titled group of fields inside a page (or at the top level).
 * - **group**: a page or a section. A group adds one level to params, under its key.
 * - **field**: a node that carries a value in params.
 * - **display item**: a node that carries no value: markdown text, a line break, an image.
 * - **row**: one element of a table or of a dynamic array: an object of values keyed like its fields.
 * - **column**: a field of a table's rows.
 * - **params**: the value of a parametrization: an object keyed like the layout, groups nested,
 *   display items left out. `ParamsOf` is the type of params that passed validation.
 * - **empty**: a field without a value holds `null`. Only an `optional` field may be empty in valid
 *   params (its type is then `T | null`); a required one is refused with "… is required".
 *   Booleans, multi-selects, tables and dynamic arrays are never empty: false, `[]`, `[]`, `[]`.
 * - **default**: the value a field starts with: for new entities, for new rows, and for stored
 *   entities made before the field existed. Without one, the field starts empty.
 * - **draft**: params as the form holds them: every field present, values not (yet) valid.
 * - **path**: where a value sits, written `loads.points[3].F` (row indices in brackets). A node's
 *   **layout path** leaves out row indices: `loads.points.F`.
 * - **rule**: what a value must satisfy to be valid: its type, required, bounds, options, rows. A
 *   **static rule** is declared with the field (`max: 30`).
 * - **computed rule**: a callback, attached to a node by its layout path, that computes the node's
 *   visibility, options, min or max from the params of the whole parametrization.
 * - **hidden**: a node whose computed `visible` rule (or an enclosing group's) returned false. A
 *   hidden field keeps its value and is still type-checked; its computed rules are not checked.
 * - **geo value**: a point on the earth, `{ lat, lon }` in degrees (WGS84); a polyline is a list of
 *   them, a polygon a closed ring (its last point repeats its first, as in GeoJSON).
 * - **source**: where params come from: `"browser"` (unknown keys refused) or `"storage"` (unknown
 *   keys, e.g. of removed fields, ignored).
 */

/** @internal Phantom key: carries a node's value type. Never present at run time. */
export declare const valueType: unique symbol;

/** @internal A node whose params value has type `V`. */
export interface HasValue<V> {
  readonly [valueType]?: V;
}

/** The value type a node contributes to params (`never` for display items). */
export type ValueOf<N> = N extends HasValue<infer V> ? V : never;

/** Every node kind, in one closed list. */
export const NODE_KINDS = [
  "tab",
  "step",
  "section",
  "number",
  "integer",
  "text",
  "textarea",
  "boolean",
  "option",
  "autocomplete",
  "multiSelect",
  "date",
  "color",
  "entity",
  "file",
  "geoPoint",
  "geoPolyline",
  "geoPolygon",
  "table",
  "dynamicArray",
  "markdown",
  "lineBreak",
  "image",
  "button",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Options shared by several nodes

/** Options every node accepts. */
export interface NodeConfig {
  /** Help text shown with the node. Default: none. */
  readonly description?: string;
  /**
   * Width in the form, as a percentage of a row (1–100); nodes wrap to the next row when full.
   * Default: 33 for small fields, 100 for groups, long text, tables, dynamic arrays and display
   * items (see `DEFAULT_FLEX`).
   */
  readonly flex?: number;
}

/** Options every field with a scalar value accepts. */
export interface ValueConfig<T> extends NodeConfig {
  /** The value new entities (and entities stored before this field existed) start with. Default: empty (`null`). */
  readonly default?: NoInfer<T>;
  /**
   * Whether the field may be left empty. An optional field's type is `T | null`. Default: `false`:
   * the field is required and an empty value is refused.
   */
  readonly optional?: boolean;
}

/** `T`, or `T | null` when the field is declared `optional: true`. */
export type Nullable<T, O extends boolean> = O extends true ? T | null : T;

// ---------------------------------------------------------------------------------------------
// Fields

/** Options of `number` and `integer` fields. */
export interface NumberConfig extends ValueConfig<number> {
  /** Smallest value allowed (inclusive). Default: none. Can also be computed from params. */
  readonly min?: number;
  /** Largest value allowed (inclusive). Default: none. Can also be computed from params. */
  readonly max?: number;
  /** Increment of the arrow keys and of the slider; not a validation rule. Default: 1 for integers, the browser's for numbers. */
  readonly step?: number;
  /** Number of decimals shown in the form; values are not rounded. Default: as typed. */
  readonly decimals?: number;
  /** Unit shown after the value and in messages, e.g. `"m"`, `"kN"`. Default: none. */
  readonly suffix?: string;
  /** `"input"`: a number box; `"slider"`: a slider between min and max (both required). Default: `"input"`. */
  readonly variant?: "input" | "slider";
}

export interface NumberField<V extends number | null = number | null> extends NumberConfig, HasValue<V> {
  readonly kind: "number" | "integer";
  readonly label: string;
}

/** Options of `text` and `textarea` fields. */
export interface TextConfig extends ValueConfig<string> {
  /** Fewest characters allowed. Default: 1 when required, none when optional. */
  readonly minLength?: number;
  /** Most characters allowed. Default: none. */
  readonly maxLength?: number;
  /** Grey hint shown in an empty box. Default: none. */
  readonly placeholder?: string;
}

export interface TextField<V extends string | null = string | null> extends TextConfig, HasValue<V> {
  readonly kind: "text" | "textarea";
  readonly label: string;
}

/** Options of `boolean` fields. A boolean is never empty. */
export interface BooleanConfig extends NodeConfig {
  /** The value new entities start with. Default: `false`. */
  readonly default?: boolean;
}

export interface BooleanField extends BooleanConfig, HasValue<boolean> {
  readonly kind: "boolean";
  readonly label: string;
}

/** A value an option field can hold. */
export type OptionValue = string | number;
/** One choice: a bare value (shown as is), or a value with the label shown for it. */
export type OptionInput<V extends OptionValue = OptionValue> = V | { readonly value: V; readonly label: string };

/** Options of `option` and `autocomplete` fields. */
export interface OptionConfig<V extends OptionValue> extends ValueConfig<V> {
  /**
   * The choices; the field's type is the union of their values (string and number literals are
   * kept). Default: none, and the options must be computed from params; the values are then strings.
   */
  readonly options?: readonly OptionInput<V>[];
  /** `"dropdown"`, `"radio"` (one choice a line) or `"radioInline"` (choices side by side). Default: `"dropdown"`. Ignored by `autocomplete`. */
  readonly variant?: "dropdown" | "radio" | "radioInline";
}

export interface OptionField<V extends OptionValue | null = OptionValue | null> extends OptionConfig<NonNullable<V>>, HasValue<V> {
  readonly kind: "option" | "autocomplete";
  readonly label: string;
}

/** Options of `multiSelect` fields. A multi-select is never empty: nothing selected is `[]`. */
export interface MultiSelectConfig<V extends OptionValue> extends NodeConfig {
  /** The choices, as for `option`. Default: none, and the options must be computed from params. */
  readonly options?: readonly OptionInput<V>[];
  /** The values selected in new entities. Default: `[]`. */
  readonly default?: readonly NoInfer<V>[];
}

export interface MultiSelectField<V extends OptionValue = OptionValue> extends MultiSelectConfig<V>, HasValue<V[]> {
  readonly kind: "multiSelect";
  readonly label: string;
}

/** Fields that offer a list of options. */
export type ChoiceField = OptionField | MultiSelectField;

/** Options of `date` fields. The value is an ISO calendar date, `"2026-05-31"`. */
export type DateConfig = ValueConfig<string>;

export interface DateField<V extends string | null = string | null> extends DateConfig, HasValue<V> {
  readonly kind: "date";
  readonly label: string;
}

/** Options of `color` fields. The value is a hex colour, `"#1e88e5"`. */
export type ColorConfig = ValueConfig<string>;

export interface ColorField<V extends string | null = string | null> extends ColorConfig, HasValue<V> {
  readonly kind: "color";
  readonly label: string;
}

/** Options of `entity` fields. The value is the id of the entity picked. */
export interface EntityConfig extends NodeConfig {
  /** Only entities of this entity type can be picked (checked where entities are stored, not here). Default: any type. */
  readonly entityType?: string;
  /** Whether the field may be left empty. Default: `false` (required). */
  readonly optional?: boolean;
}

export interface EntityField<V extends string | null = string | null> extends EntityConfig, HasValue<V> {
  readonly kind: "entity";
  readonly label: string;
}

/** A file uploaded to and stored by Gusset, as params hold it. */
export interface FileRef {
  readonly fileId: string;
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** MIME type, e.g. `"application/pdf"`. */
  readonly type: string;
}

/** Options of `file` fields. A file field has no default: it starts empty. */
export interface FileConfig extends NodeConfig {
  /** File types accepted: extensions (`".xlsx"`), MIME types (`"application/pdf"`) or families (`"image/*"`). Default: any. */
  readonly accept?: readonly string[];
  /** Largest size accepted, in bytes. Default: no limit here (the upload route has its own). */
  readonly maxSize?: number;
  /** Whether the field may be left empty. Default: `false` (required). */
  readonly optional?: boolean;
}

export interface FileField<V extends FileRef | null = FileRef | null> extends FileConfig, HasValue<V> {
  readonly kind: "file";
  readonly label: string;
}

/** A point on the earth in degrees, WGS84 (as GPS and web maps give it): latitude −90 to 90, longitude −180 to 180. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Options of `geoPoint`, `geoPolyline` and `geoPolygon` fields, drawn on a map in the form or typed as coordinates. */
export interface GeoConfig<T> extends ValueConfig<T> {
  /** Most points a polyline or polygon may have (a polygon's closing point not counted). Default: 1000. */
  readonly maxPoints?: number;
}

export interface GeoPointField<V extends GeoPoint | null = GeoPoint | null> extends GeoConfig<GeoPoint>, HasValue<V> {
  readonly kind: "geoPoint";
  readonly label: string;
}

/** A line through two or more points, in order. It may cross itself (a route can). */
export interface GeoPolylineField<V extends readonly GeoPoint[] | null = readonly GeoPoint[] | null>
  extends GeoConfig<readonly GeoPoint[]>, HasValue<V> {
  readonly kind: "geoPolyline";
  readonly label: string;
}

/** An area: a closed ring of three or more corners whose edges do not cross; the last point repeats the first. */
export interface GeoPolygonField<V extends readonly GeoPoint[] | null = readonly GeoPoint[] | null>
  extends GeoConfig<readonly GeoPoint[]>, HasValue<V> {
  readonly kind: "geoPolygon";
  readonly label: string;
}

export type GeoField = GeoPointField | GeoPolylineField | GeoPolygonField;

/** Fields a table can have as columns. */
export type ColumnField = NumberField | TextField | BooleanField | OptionField | DateField | ColorField;

/** Nodes by key: the children of a group, the columns of a table, the fields of a dynamic array. */
export type NodesByKey<N> = { readonly [key: string]: N };

/** The value of one row of these columns or fields. */
export type RowOf<C> = ParamsOfNodes<C>;

/** A row as a default may give it: columns with a default may be left out. */
export type PartialRowOf<C> = Partial<RowOf<C>>;

/** Options of `table` and `dynamicArray` fields. A table is never empty: no rows is `[]`. */
export interface RowsConfig<R> extends NodeConfig {
  /** Fewest rows allowed. Default: 0. */
  readonly minRows?: number;
  /** Most rows allowed. Default: no limit. */
  readonly maxRows?: number;
  /** The rows new entities start with; a row may leave out columns that have a default. Default: `[]`. */
  readonly default?: readonly R[];
}

export interface TableField<C extends NodesByKey<ColumnField> = NodesByKey<ColumnField>>
  extends RowsConfig<PartialRowOf<C>>, HasValue<RowOf<C>[]> {
  readonly kind: "table";
  readonly label: string;
  readonly columns: C;
}

/** Options of `dynamicArray` fields. */
export interface DynamicArrayConfig<R> extends RowsConfig<R> {
  /** Title of each repeated group, numbered from 1: `"Span 1"`, `"Span 2"`. Default: the field's label. */
  readonly rowLabel?: string;
}

export interface DynamicArrayField<C extends NodesByKey<ArrayItemNode> = NodesByKey<ArrayItemNode>>
  extends DynamicArrayConfig<PartialRowOf<C>>, HasValue<RowOf<C>[]> {
  readonly kind: "dynamicArray";
  readonly label: string;
  readonly children: C;
}

/** Fields whose value is one value, or a list of choices. */
export type ScalarField =
  NumberField | TextField | BooleanField | OptionField | MultiSelectField | DateField | ColorField | EntityField | FileField | GeoField;

/** Every field. */
export type Field = ScalarField | TableField | DynamicArrayField;

// ---------------------------------------------------------------------------------------------
// Display items (no value)

export interface MarkdownItem extends NodeConfig {
  readonly kind: "markdown";
  /** The text, in markdown. */
  readonly text: string;
}

export interface LineBreakItem {
  readonly kind: "lineBreak";
}

/** Options of `image` display items. */
export interface ImageConfig extends NodeConfig {
  /** Text read out instead of the image. Default: none (decorative). */
  readonly alt?: string;
  /** Caption shown under the image. Default: none. */
  readonly caption?: string;
}

export interface ImageItem extends ImageConfig {
  readonly kind: "image";
  /** Where the image is served from: a URL or a path under `public/`. */
  readonly src: string;
}

/** Options of `button` display items. */
export interface ButtonConfig extends NodeConfig {
  /** Shown beside the button as help. Default: none. */
  readonly description?: string;
}

/** Where a controller's button sits in the form; the controller declares what it does. */
export interface ButtonItem extends ButtonConfig {
  readonly kind: "button";
  /** The name of the button in the entity type's controller (`buttons: { report: … }`). */
  readonly button: string;
}

export type DisplayItem = MarkdownItem | LineBreakItem | ImageItem | ButtonItem;

// ---------------------------------------------------------------------------------------------
// Groups

/** Nodes a dynamic array's rows can hold: fields other than tables and dynamic arrays, and display items. */
export type ArrayItemNode = ScalarField | DisplayItem;
/** Nodes a section can hold. */
export type SectionChild = Field | DisplayItem;
/** Nodes a page can hold. */
export type PageChild = Section | SectionChild;

/** Options of tabs, steps and sections. */
export type GroupConfig = Pick<NodeConfig, "description">;

export interface Section<C extends NodesByKey<SectionChild> = NodesByKey<SectionChild>> extends GroupConfig, HasValue<ParamsOfNodes<C>> {
  readonly kind: "section";
  readonly label: string;
  readonly children: C;
}

export interface Page<C extends NodesByKey<PageChild> = NodesByKey<PageChild>, K extends "tab" | "step" = "tab" | "step">
  extends GroupConfig, HasValue<ParamsOfNodes<C>> {
  readonly kind: K;
  readonly label: string;
  readonly children: C;
}

export type Group = Page | Section;

/** Nodes the top level of a layout can hold: pages, or sections, fields and display items. */
export type LayoutNode = Page | PageChild;
/** The top level of a layout, by key. */
export type Layout = NodesByKey<LayoutNode>;

export type Node = LayoutNode;

// ---------------------------------------------------------------------------------------------
// Params

/** The params of a record of nodes: display items left out, groups nested. */
export type ParamsOfNodes<C> = {
  -readonly [K in keyof C as C[K] extends DisplayItem ? never : K]: ValueOf<C[K]>;
};

/** Width a node gets when it gives no `flex`. */
export const DEFAULT_FLEX: Record<NodeKind, number> = {
  tab: 100,
  step: 100,
  section: 100,
  number: 33,
  integer: 33,
  text: 33,
  textarea: 100,
  boolean: 33,
  option: 33,
  autocomplete: 33,
  multiSelect: 33,
  date: 33,
  color: 33,
  entity: 33,
  file: 33,
  geoPoint: 100,
  geoPolyline: 100,
  geoPolygon: 100,
  table: 100,
  dynamicArray: 100,
  markdown: 100,
  lineBreak: 100,
  image: 100,
  button: 33,
};
