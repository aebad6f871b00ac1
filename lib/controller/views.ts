import type {
  DataResult,
  GeometryResult,
  ImageResult,
  PdfResult,
  PlotResult,
  TableResult,
  ViewKind,
  ViewResult,
  WebResult,
  CombinedResult,
  MapResult,
} from "./results";

/** VIKTOR's threshold: a view guessed to take longer runs only on its Update button. */
export const SLOW_VIEW_SECONDS = 3;

/** What a view method gets: the params of the editor (saved or not), and the call's means to report. */
export interface ViewContext<P> {
  readonly params: P;
  /** The entity the call is for; null when called without one (a preview, a script). */
  readonly entity: { readonly id: string; readonly name: string; readonly type: string } | null;
  /** Reports progress of a long call: a fraction 0..1 and what is being done. */
  readonly progress: (fraction: number, message?: string) => void;
  /** Aborted when the call is superseded or cancelled; long loops should check it. */
  readonly signal: AbortSignal;
}

export type ViewMethod<P, R extends ViewResult> = (context: ViewContext<P>) => R | Promise<R>;

export interface ViewOptions {
  /** Seconds the view is expected to take. Above 3 it is slow: it runs only on Update. Default: 1. */
  readonly durationGuess?: number;
  /** Shown under the view's tab as help. */
  readonly description?: string;
  /**
   * Seconds the view may run before it is stopped and fails with a message saying so (its worker
   * thread is replaced: an endless loop cannot hang the server). Default: 30 for a fast view
   * (GUSSET_CALL_TIME_LIMIT_S), 1800 for a slow one (GUSSET_LONG_CALL_TIME_LIMIT_S).
   */
  readonly timeLimit?: number;
}

/** A declared view: its label, result kind, options and method. Plain data plus one function. */
export interface View<P = never, R extends ViewResult = ViewResult> {
  readonly label: string;
  readonly kind: R["kind"];
  readonly durationGuess: number;
  readonly description?: string;
  /** Seconds before the call is stopped; undefined: the platform's default for its duration. */
  readonly timeLimit?: number;
  readonly run: ViewMethod<P, R>;
}

export function isSlow(view: { readonly durationGuess: number }): boolean {
  return view.durationGuess > SLOW_VIEW_SECONDS;
}

/** A time limit as given, refused at declaration when it is not a positive number of seconds. @internal */
export function checkedTimeLimit(label: string, seconds: number | undefined): number | undefined {
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0))
    throw new Error(`"${label}": timeLimit must be a positive number of seconds, not ${seconds}.`);
  return seconds;
}

function viewOf<K extends ViewKind, R extends Extract<ViewResult, { kind: K }>>(kind: K) {
  function build<P>(label: string, run: ViewMethod<P, R>): View<P, R>;
  function build<P>(label: string, options: ViewOptions, run: ViewMethod<P, R>): View<P, R>;
  function build<P>(label: string, second: ViewOptions | ViewMethod<P, R>, third?: ViewMethod<P, R>): View<P, R> {
    const options = typeof second === "function" ? {} : second;
    const run = typeof second === "function" ? second : third!;
    return Object.freeze({
      label,
      kind: kind as R["kind"],
      durationGuess: options.durationGuess ?? 1,
      description: options.description,
      timeLimit: checkedTimeLimit(label, options.timeLimit),
      run,
    });
  }
  return build;
}

/** A view of labelled values with units and statuses (VIKTOR's DataView). */
export const dataView = viewOf<"data", DataResult>("data");
/** A sortable table. */
export const tableView = viewOf<"table", TableResult>("table");
/** An SVG or PNG picture. */
export const imageView = viewOf<"image", ImageResult>("image");
/** Lines, points or bars with axes and units. */
export const plotView = viewOf<"plot", PlotResult>("plot");
/** A 3D scene: orbit, pan, zoom, pick. */
export const geometryView = viewOf<"geometry", GeometryResult>("geometry");
/** Points, lines and areas on a map, with a legend and links to entities (VIKTOR's MapView). */
export const mapView = viewOf<"map", MapResult>("map");
/** A PDF shown inline. */
export const pdfView = viewOf<"pdf", PdfResult>("pdf");
/** Sanitised HTML in a sandboxed frame. */
export const webView = viewOf<"web", WebResult>("web");
/** A picture (image, geometry, plot or map) and data side by side. */
export const combinedView = viewOf<"combined", CombinedResult>("combined");
