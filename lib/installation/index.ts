// The installation DSL: what definitions/ declares. Public: definitions import it.
export { entityType, type EntityType, type EntityTypeDefinition, type Placement } from "./entity-type";
export { installation, type Installation } from "./installation";
export type { FileImport, FileProblem, FromFile, UploadedFile } from "@/lib/entities/file-import";
