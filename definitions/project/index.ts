import { combinedView, controller } from "@/lib/controller";
import { entityType } from "@/lib/installation";
import projectParams from "./params";
import { SITE_COLORS, siteFeatures, siteItems } from "./site-map";

export const projectController = controller(projectParams, {
  views: {
    site: combinedView("Site", ({ params, entity }) => ({
      kind: "combined",
      main: {
        kind: "map",
        features: siteFeatures(params.site, entity?.name ?? "Project"),
        legend: [
          { color: SITE_COLORS.location, label: "Location" },
          { color: SITE_COLORS.boundary, label: "Site boundary" },
        ],
      },
      data: { kind: "data", items: siteItems(params.site) },
    })),
  },
});

/** A project: holds sub-projects, beams, cubes and turbines, sits at the top of the tree, and shows its site on a map. */
export default entityType({
  name: "project",
  label: "Project",
  params: projectParams,
  controller: projectController,
  placement: { atRoot: true, under: ["project"] },
});
