import { memoize } from "@/lib/controller/memoize";
import type { BeamModel } from "./analyse-beam";
import { fullAnalysis, type FullAnalysis, type FullAnalysisOptions } from "./full-analysis";

/**
 * The full analysis (several seconds) kept in PostgreSQL by its model (lib/controller/memoize):
 * computed once per distinct beam across every web instance and worker, and again only when
 * `version` is raised because the analysis changed. A cancelled run stores nothing. Only the call
 * that computes reports progress; the others wait on its key or read the result.
 */
export async function memoizedFullAnalysis(model: BeamModel, options: FullAnalysisOptions = {}): Promise<FullAnalysis> {
  return memoize((m: BeamModel) => fullAnalysis(m, options), { name: FULL_ANALYSIS_MEMO, version: 1 })(model);
}

/** The memo entries' name (`memo_entry.name`). */
export const FULL_ANALYSIS_MEMO = "beam.fullAnalysis";
