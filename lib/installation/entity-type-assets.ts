import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { EntityType } from "./entity-type";

/** The folder the installed types' folders are in (the launcher and the tests run from the repository). */
const DEFINITIONS_DIR = path.resolve("definitions");

/**
 * What an entity type's `assets/` folder may serve, by extension: models and the images and
 * buffers a glTF file refers to. Nothing that a browser would run in our origin (no SVG, no HTML).
 */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".bin": "application/octet-stream",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

/** A plain file name: no folders, no dot first (so no `..`, no hidden files). */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

export interface Asset {
  readonly body: ReadableStream;
  readonly size: number;
  readonly contentType: string;
}

/**
 * A file bundled with an entity type, `definitions/<folder>/assets/<name>`, as a view result names
 * it (`{ asset: "turbine.glb" }`); null when there is none of that name or type.
 */
export async function openAsset(type: EntityType, name: string): Promise<Asset | null> {
  const contentType = ASSET_TYPES[path.extname(name).toLowerCase()];
  if (!ASSET_NAME.test(name) || !contentType) return null;
  const file = path.join(DEFINITIONS_DIR, type.folder, "assets", name);
  if (!file.startsWith(path.join(DEFINITIONS_DIR, type.folder, "assets") + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { body: Readable.toWeb(createReadStream(file)) as ReadableStream, size: info.size, contentType };
}
