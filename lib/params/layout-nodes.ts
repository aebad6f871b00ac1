import type {
  ButtonConfig,
  ButtonItem,
  GroupConfig,
  ImageConfig,
  ImageItem,
  LineBreakItem,
  MarkdownItem,
  NodeConfig,
  NodesByKey,
  Page,
  PageChild,
  Section,
  SectionChild,
} from "./types";

/**
 * A page shown as a tab. Its fields sit under its key in params: `params.geometry.length`.
 * @example tab("Geometry", { length: number("Length", { suffix: "m" }) })
 */
export function tab<C extends NodesByKey<PageChild>>(label: string, children: C, config?: GroupConfig): Page<C, "tab"> {
  return { kind: "tab", label, children, ...config };
}

/**
 * A page shown as one step of a wizard. A layout uses tabs or steps at its top level, not both.
 * @example step("1. Geometry", { length: number("Length", { suffix: "m" }) })
 */
export function step<C extends NodesByKey<PageChild>>(label: string, children: C, config?: GroupConfig): Page<C, "step"> {
  return { kind: "step", label, children, ...config };
}

/**
 * A titled group of fields. Its fields sit under its key in params: `params.loads.wind.speed`.
 * @example section("Wind", { speed: number("Wind speed", { suffix: "m/s" }) })
 */
export function section<C extends NodesByKey<SectionChild>>(label: string, children: C, config?: GroupConfig): Section<C> {
  return { kind: "section", label, children, ...config };
}

/**
 * Text shown in the form, written in markdown. Carries no value.
 * @example markdown("Loads act **downwards**; see [EN 1991](https://example.org).")
 */
export function markdown(text: string, config?: Pick<NodeConfig, "flex">): MarkdownItem {
  return { kind: "markdown", text, ...config };
}

/** Ends the current row of the form, so that the next node starts a new one. Carries no value. */
export function lineBreak(): LineBreakItem {
  return { kind: "lineBreak" };
}

/**
 * Places a button of the entity type's controller in the form (download,
 * optimization, set-params, action). The controller declares what it does;
 * `controller()` refuses a placement naming a button it does not have.
 * @example button("report")
 */
export function button(name: string, config?: ButtonConfig): ButtonItem {
  return { kind: "button", button: name, ...config };
}

/**
 * An image shown in the form. Carries no value.
 * @example image("/images/beam-axes.svg", { alt: "Beam axes", caption: "x along the beam" })
 */
export function image(src: string, config?: ImageConfig): ImageItem {
  return { kind: "image", src, ...config };
}
