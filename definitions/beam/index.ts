import { entityType } from "@/lib/installation";
import { beamController } from "./controller";
import { beamFromCsv } from "./from-csv";
import beamParams from "./params";

/** A steel beam: nodes, supports, a rolled I-section and loads. */
export default entityType({
  name: "beam",
  label: "Steel beam",
  params: beamParams,
  controller: beamController,
  placement: { under: ["project"] },
  fromFile: { label: "Steel beam from CSV (nodes, supports, loads)", accept: [".csv", ".txt"], parse: beamFromCsv },
});
