// The entity types this install serves: one line each, a folder of definitions/ each.
export { default as project } from "./project";
export { default as beam } from "./beam";
export { default as cube } from "./cube";
export { default as turbine } from "./examples/turbine";
