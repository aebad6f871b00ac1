/**
 * The shipped types and flows plus the long-call tests' slow type, for the test of a fair queue: a
 * design review's report job beside one user's many long calls. Its threads load it from here.
 */
import shipped from "@/definitions";
import { slowInstallation } from "@/lib/calls/test-support/slow-controller";
import { installation } from "@/lib/installation";

export default installation({
  entityTypes: [...shipped.entityTypes, ...slowInstallation.entityTypes],
  flows: shipped.flows,
  module: "lib/jobs/test-support/shipped-with-slow-installation.ts",
});
