import type { TableColumn } from "./results";
import { checkedTimeLimit, SLOW_VIEW_SECONDS, type ViewContext } from "./views";

/**
 * Buttons: the seed's third trigger. Declared in the controller, placed in
 * the form with `button(name)` from lib/params. Each is one stateless call
 * that returns what the browser does next: save a file, offer candidates,
 * fill the form, or show a message.
 */

/** A file the browser downloads, with the name and type the controller gives. */
export interface DownloadResult {
  readonly kind: "download";
  readonly fileName: string;
  readonly contentType: string;
  /** The content: text as is, bytes in base64. */
  readonly data: string;
  readonly encoding: "utf8" | "base64";
}

/** Candidates of a search over params, shown as a table; the engineer picks one into the form (unsaved). */
export interface OptimizationResult<P = unknown> {
  readonly kind: "optimization";
  readonly columns: readonly TableColumn[];
  readonly candidates: readonly { readonly params: P; readonly values: Readonly<Record<string, number | string | null>> }[];
  /** Why there are no candidates, or what the search found. */
  readonly message?: string;
}

/** New params for the form (unsaved, so the engineer can still reject them). */
export interface SetParamsResult<P = unknown> {
  readonly kind: "setParams";
  readonly params: P;
  readonly message?: string;
}

/** Server code ran ("sent to the fabricator"); its message is shown. */
export interface ActionResult {
  readonly kind: "action";
  readonly message: string;
}

export type ButtonResult<P = unknown> = DownloadResult | OptimizationResult<P> | SetParamsResult<P> | ActionResult;
export type ButtonKind = ButtonResult["kind"];

export interface ButtonOptions<P> {
  /** Seconds the button is expected to take; above 3 it shows progress and a Cancel button. Default: 1. */
  readonly durationGuess?: number;
  /** A reason the button is disabled now, computed from the params (runs in the browser too); null when enabled. */
  readonly disabled?: (context: { readonly params: P }) => string | null;
  /** Seconds the press may run before it is stopped and fails saying so. Default: 30, or 1800 for a long button (as ViewOptions.timeLimit). */
  readonly timeLimit?: number;
}

export interface Button<P = never, R extends ButtonResult = ButtonResult> {
  readonly label: string;
  readonly kind: R["kind"];
  readonly durationGuess: number;
  readonly disabled?: (context: { readonly params: P }) => string | null;
  readonly timeLimit?: number;
  readonly run: (context: ViewContext<P>) => R | Promise<R>;
}

export function isLong(button: { readonly durationGuess: number }): boolean {
  return button.durationGuess > SLOW_VIEW_SECONDS;
}

function buttonOf<K extends ButtonKind>(kind: K) {
  return function build<P, R extends Extract<ButtonResult<P>, { kind: K }>>(
    label: string,
    run: (context: ViewContext<P>) => R | Promise<R>,
    options: ButtonOptions<P> = {},
  ): Button<P, R> {
    return Object.freeze({
      label,
      kind: kind as R["kind"],
      durationGuess: options.durationGuess ?? 1,
      disabled: options.disabled,
      timeLimit: checkedTimeLimit(label, options.timeLimit),
      run,
    });
  };
}

/** Returns a file to download: a report, a CSV, an export. */
export const downloadButton = buttonOf("download");
/** Searches params and offers candidates to pick from. */
export const optimizationButton = buttonOf("optimization");
/** Computes new params from the current ones ("reset loads", "mirror geometry"). */
export const setParamsButton = buttonOf("setParams");
/** Runs server code and shows its message; may be disabled with a reason. */
export const actionButton = buttonOf("action");

/** A text file download. */
export function textFile(fileName: string, contentType: string, text: string): DownloadResult {
  return { kind: "download", fileName, contentType, data: text, encoding: "utf8" };
}

/** A binary file download. */
export function binaryFile(fileName: string, contentType: string, bytes: Uint8Array): DownloadResult {
  return { kind: "download", fileName, contentType, data: Buffer.from(bytes).toString("base64"), encoding: "base64" };
}
