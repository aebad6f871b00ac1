import { file, geoPoint, geoPolygon, parametrization, section, textarea, type ParamsOf } from "@/lib/params";

/** A project holds other entities (sub-projects, beams, cubes, turbines) and says where its site is. */
const projectParams = parametrization({
  description: textarea("Description", { optional: true, maxLength: 2000, placeholder: "What this project is about" }),
  drawing: file("Drawing", {
    optional: true,
    accept: [".pdf", ".png"],
    maxSize: 10 * 1024 * 1024,
    description: "A PDF or PNG of at most 10 MB.",
  }),
  site: section("Site", {
    location: geoPoint("Location", { optional: true, description: "Where the project is: the site office, or the middle of the site." }),
    boundary: geoPolygon("Site boundary", { optional: true, maxPoints: 200 }),
  }),
});

export type ProjectParams = ParamsOf<typeof projectParams>;

export default projectParams;
