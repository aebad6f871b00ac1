import type {
  BooleanConfig,
  BooleanField,
  ColorConfig,
  ColorField,
  DateConfig,
  DateField,
  EntityConfig,
  EntityField,
  FileConfig,
  FileField,
  FileRef,
  Nullable,
  NumberConfig,
  NumberField,
  TextConfig,
  TextField,
} from "./types";

// Each builder returns plain data: `{ kind, label, ...config }`. The type parameter `O` only
// records whether `optional: true` was given, so that the value type becomes `T | null`.

/**
 * A number, e.g. a length or a force.
 * @example number("Length", { min: 1, max: 30, default: 6, suffix: "m" })
 */
export function number<O extends boolean = false>(
  label: string,
  config?: NumberConfig & { readonly optional?: O },
): NumberField<Nullable<number, O>> {
  return { kind: "number", label, ...config };
}

/**
 * A whole number, e.g. a count of bolts.
 * @example integer("Bolts", { min: 2, max: 12, default: 4 })
 */
export function integer<O extends boolean = false>(
  label: string,
  config?: Omit<NumberConfig, "decimals"> & { readonly optional?: O },
): NumberField<Nullable<number, O>> {
  return { kind: "integer", label, ...config };
}

/**
 * One line of text. A required text field refuses `""`.
 * @example text("Project name", { maxLength: 80 })
 */
export function text<O extends boolean = false>(
  label: string,
  config?: TextConfig & { readonly optional?: O },
): TextField<Nullable<string, O>> {
  return { kind: "text", label, ...config };
}

/**
 * Several lines of text.
 * @example textarea("Remarks", { optional: true })
 */
export function textarea<O extends boolean = false>(
  label: string,
  config?: TextConfig & { readonly optional?: O },
): TextField<Nullable<string, O>> {
  return { kind: "textarea", label, ...config };
}

/**
 * A yes/no switch. Never empty: it starts as `false` unless given a default.
 * @example boolean("Include self-weight", { default: true })
 */
export function boolean(label: string, config?: BooleanConfig): BooleanField {
  return { kind: "boolean", label, ...config };
}

/**
 * A calendar date, held as an ISO date string `"2026-05-31"`.
 * @example date("Inspection date", { optional: true })
 */
export function date<O extends boolean = false>(
  label: string,
  config?: DateConfig & { readonly optional?: O },
): DateField<Nullable<string, O>> {
  return { kind: "date", label, ...config };
}

/**
 * A colour, held as a hex string `"#1e88e5"`.
 * @example color("Beam colour", { default: "#1e88e5" })
 */
export function color<O extends boolean = false>(
  label: string,
  config?: ColorConfig & { readonly optional?: O },
): ColorField<Nullable<string, O>> {
  return { kind: "color", label, ...config };
}

/**
 * A reference to another entity, held as its id.
 * @example entity("Soil profile", { entityType: "SoilProfile" })
 */
export function entity<O extends boolean = false>(
  label: string,
  config?: EntityConfig & { readonly optional?: O },
): EntityField<Nullable<string, O>> {
  return { kind: "entity", label, ...config };
}

/**
 * A file uploaded to Gusset, held as `{ fileId, name, size, type }`.
 * @example file("Drawing", { accept: [".pdf", "image/*"], maxSize: 10_000_000 })
 */
export function file<O extends boolean = false>(
  label: string,
  config?: FileConfig & { readonly optional?: O },
): FileField<Nullable<FileRef, O>> {
  return { kind: "file", label, ...config };
}
