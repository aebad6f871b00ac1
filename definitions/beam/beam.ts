import { entityType } from "@/lib/entities/entity-type";
import { beamController } from "./controller";
import { beamFromCsv } from "./from-csv";
import { beamParams } from "./params";

/** A steel beam: nodes, supports, a rolled I-section and loads. */
export const beam = entityType({
  name: "beam",
  label: "Steel beam",
  params: beamParams,
  controller: beamController,
  fromFile: { label: "Steel beam from CSV (nodes, supports, loads)", accept: [".csv", ".txt"], parse: beamFromCsv },
});
