import { entityType } from "@/lib/installation";
import projectParams from "./params";

/** A project: holds sub-projects, beams and cubes, and sits at the top of the tree. */
export default entityType({
  name: "project",
  label: "Project",
  params: projectParams,
  placement: { atRoot: true, under: ["project"] },
});
