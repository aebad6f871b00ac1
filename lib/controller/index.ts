// The controller DSL: views and buttons as functions of params, their results, and the stateless
// call (runCall, and compute for server code). No React: definitions import it.

export { controller, ControllerDefinitionError, type Controller, type ControllerDefinition, type SummaryItem } from "./controller";
export {
  combinedView,
  dataView,
  geometryView,
  imageView,
  isSlow,
  mapView,
  pdfView,
  plotView,
  SLOW_VIEW_SECONDS,
  tableView,
  webView,
} from "./views";
export type { View, ViewContext, ViewMethod, ViewOptions } from "./views";
export { CallCancelled, InputViolation, UserError } from "./errors";
export type { FieldIssue } from "@/lib/result";
export { failureOf, runCall, type Call, type CallKind, type CallOptions, type CallValue } from "./run-call";
export type { CallEntity } from "./dispatch-call";
export type * from "./results";
export {
  compute,
  type ButtonNameOf,
  type ComputeEntity,
  type ComputeOptions,
  type ParamsInput,
  type ResultOf,
  type ViewNameOf,
} from "./compute";
export { describeViews, type ViewInfo } from "./describe-views";
export { textPdf, type PdfLine } from "./text-pdf";
export { actionButton, binaryFile, downloadButton, isLong, optimizationButton, setParamsButton, textFile } from "./buttons";
export type {
  ActionResult,
  Button,
  ButtonKind,
  ButtonOptions,
  ButtonResult,
  DownloadResult,
  OptimizationResult,
  SetParamsResult,
} from "./buttons";
