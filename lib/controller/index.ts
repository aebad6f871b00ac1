// The controller DSL: views as functions of params, their results, and the stateless call.
// No React, no database: definitions import it, and so does the server's dispatcher.

export { controller, ControllerDefinitionError, type Controller, type ControllerDefinition, type SummaryItem } from "./controller";
export { combinedView, dataView, geometryView, imageView, isSlow, pdfView, plotView, SLOW_VIEW_SECONDS, tableView, webView } from "./views";
export type { View, ViewContext, ViewMethod, ViewOptions } from "./views";
export { CallCancelled, InputViolation, UserError, type CallFailure, type FieldViolation } from "./errors";
export { callView, failureOf, type CallOptions, type CallOutcome } from "./call-view";
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
export { callButton } from "./call-button";
