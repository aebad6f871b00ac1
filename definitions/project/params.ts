import { file, parametrization, textarea, type ParamsOf } from "@/lib/params";

/** A project only holds other entities: sub-projects, beams and cubes. */
const projectParams = parametrization({
  description: textarea("Description", { optional: true, maxLength: 2000, placeholder: "What this project is about" }),
  drawing: file("Drawing", {
    optional: true,
    accept: [".pdf", ".png"],
    maxSize: 10 * 1024 * 1024,
    description: "A PDF or PNG of at most 10 MB.",
  }),
});

export type ProjectParams = ParamsOf<typeof projectParams>;

export default projectParams;
