import type { MultiSelectConfig, MultiSelectField, Nullable, OptionConfig, OptionField, OptionValue } from "./types";

// `const V` keeps the literal values of static options, so `options: ["IPE", "HEA"]` types the
// field as `"IPE" | "HEA"` with or without `as const`. Without static options nothing can be
// inferred and `V` falls back to `string`, the type of computed options.

/**
 * One choice from a list: static, or computed from params (give it in `parametrization`'s rules).
 * @example option("Profile family", { options: ["IPE", "HEA", "HEB"], default: "IPE", variant: "radioInline" })
 */
export function option<const V extends OptionValue = string, O extends boolean = false>(
  label: string,
  config?: OptionConfig<V> & { readonly optional?: O },
): OptionField<Nullable<NoInfer<V>, O>> {
  return { kind: "option", label, ...config } as OptionField<Nullable<NoInfer<V>, O>>;
}

/**
 * One choice from a list the user searches by typing; for long lists.
 * @example autocomplete("Material", { options: ["S235", "S275", "S355"] })
 */
export function autocomplete<const V extends OptionValue = string, O extends boolean = false>(
  label: string,
  config?: Omit<OptionConfig<V>, "variant"> & { readonly optional?: O },
): OptionField<Nullable<NoInfer<V>, O>> {
  return { kind: "autocomplete", label, ...config } as OptionField<Nullable<NoInfer<V>, O>>;
}

/**
 * Any number of choices from a list; the value is the list of values selected.
 * @example multiSelect("Load cases", { options: ["dead", "live", "wind"], default: ["dead"] })
 */
export function multiSelect<const V extends OptionValue = string>(
  label: string,
  config?: MultiSelectConfig<V>,
): MultiSelectField<NoInfer<V>> {
  return { kind: "multiSelect", label, ...config };
}
