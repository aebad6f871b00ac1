import type { ButtonHTMLAttributes } from "react";

/** Framed buttons: a fill or a border. */
const FRAMED = {
  default: "border border-slate-300 bg-white hover:bg-slate-50",
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-red-600 text-white hover:bg-red-700",
  /** A destructive action that is not the main one: cancel a task or a process. */
  "danger-outline": "border border-red-300 text-red-700 hover:bg-red-50",
  /** An alternative to the main action, in its colour: take a task from the queue. */
  "primary-outline": "border border-brand-600 text-brand-700 hover:bg-brand-50",
} as const;

/** Bare buttons: no frame and no size of their own; the caller gives text size and colour. */
const BARE = {
  /** A glyph (↑, ↓, ✕) on a row: move it, remove it. */
  icon: "rounded px-1.5 hover:bg-slate-100 disabled:opacity-30",
  /** Looks like a link: cancel a running upload or button call. */
  link: "underline",
} as const;

/**
 * Two families. Dialogs, the editor and the tree use medium weight and rounder corners, and
 * their default buttons a quieter text colour; the inbox, the task form and the admin pages
 * use normal weight and the page's text colour ("compact…").
 */
const SIZES = {
  md: { classes: "rounded-md px-3 py-1.5 text-sm font-medium", medium: true },
  /** Inside the form: add a row; in the history list: restore. */
  sm: { classes: "rounded-md px-2.5 py-1 text-xs font-medium", medium: true },
  /** A page's one way on: the 404 and 403 pages. */
  lg: { classes: "rounded-md px-3 py-2 text-sm font-medium", medium: true },
  /** As tall as the selects and inputs beside it: filters, list rows, admin repairs. */
  compact: { classes: "rounded px-3 py-1 text-sm", medium: false },
  /** The task form's actions, and starting a flow. */
  "compact-md": { classes: "rounded px-3 py-1.5 text-sm", medium: false },
  /** In a table row of the admin's users. */
  "compact-xs": { classes: "rounded px-2 py-1 text-xs", medium: false },
} as const;

export type FramedVariant = keyof typeof FRAMED;
export type BareVariant = keyof typeof BARE;
export type ButtonVariant = FramedVariant | BareVariant;
export type ButtonSize = keyof typeof SIZES;

/** A look: a framed variant in a size (default: default, md), or a bare variant, which has no size. */
export type ButtonLook = { variant?: FramedVariant; size?: ButtonSize } | { variant: BareVariant; size?: never };

/** The classes of a look, for an element that is not a <button> (a link styled as one). */
export function buttonClass({ variant = "default", size = "md" }: ButtonLook = {}): string {
  if (variant === "icon" || variant === "link") return BARE[variant];
  const { classes, medium } = SIZES[size];
  const quietText = variant === "default" && medium ? " text-slate-700" : "";
  return `${classes} ${FRAMED[variant]}${quietText} disabled:opacity-50`;
}

export type ButtonProps = ButtonLook & ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * A button in one of the app's looks. `type` defaults to "button" (never a surprise submit).
 * `className` adds layout (margins, width) or, for bare variants, text size and colour; it must
 * not restate what the look sets, since which of two conflicting utilities wins is CSS order.
 */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  const look = buttonClass({ variant, size } as ButtonLook);
  return <button type={type} className={className ? `${look} ${className}` : look} {...props} />;
}
