/**
 * First-load JavaScript per page, from the production build's manifests
 * (Next 16 no longer prints sizes after `next build`): the framework chunks
 * every page loads (`build-manifest.json` rootMainFiles and polyfills) plus
 * the route's own entry chunks (its `page_client-reference-manifest.js`),
 * raw and gzipped. Also says which chunks hold three.js, recharts, Leaflet or the glTF loader, so a page
 * that loads them up front shows. Reads GUSSET_DIST_DIR (default .next).
 *
 *   npm run bench -- first-load-js
 */
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const dist = process.env.GUSSET_DIST_DIR ?? ".next";

/** Routes to report: the page's folder under server/app and the key of its entry. */
const ROUTES = [
  { route: "/editor/[id]", folder: "(app)/editor/[id]", entry: "[project]/app/(app)/editor/[id]/page" },
  { route: "/editor", folder: "(app)/editor", entry: "[project]/app/(app)/editor/page" },
  { route: "/inbox", folder: "(app)/inbox", entry: "[project]/app/(app)/inbox/page" },
  { route: "/", folder: "(app)", entry: "[project]/app/(app)/page" },
];

/** Strings only found in the library's own code (class names it registers, CSS class prefixes it writes). */
const LIBRARIES = {
  "three.js": ["WebGLRenderer", "THREE.WebGLRenderer"],
  recharts: ["recharts-wrapper", "recharts-surface"],
  leaflet: ["leaflet-container"],
  "glTF loader": ["KHR_materials_emissive_strength"],
} as const;

interface Chunk {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly holds: string[];
}

const chunks = new Map<string, Chunk>();
function chunk(file: string): Chunk {
  let found = chunks.get(file);
  if (!found) {
    const bytes = readFileSync(path.join(dist, file));
    const text = bytes.toString("utf8");
    const holds = Object.entries(LIBRARIES)
      .filter(([, markers]) => markers.some((marker) => text.includes(marker)))
      .map(([name]) => name);
    found = { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, holds };
    chunks.set(file, found);
  }
  return found;
}

function entryFiles(folder: string, entry: string): string[] {
  const file = path.join(dist, "server", "app", folder, "page_client-reference-manifest.js");
  const context: Record<string, unknown> = {};
  context.globalThis = context;
  context.self = context;
  vm.createContext(context);
  vm.runInContext(readFileSync(file, "utf8"), context);
  const manifest = (context.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>)[
    entry.replace("[project]/app", "")
  ];
  if (!manifest) throw new Error(`No client manifest entry for ${entry} in ${file}.`);
  // The page's own files and those of every layout above it.
  return [
    ...new Set(
      Object.entries(manifest.entryJSFiles)
        .filter(([key]) => key === entry || key.endsWith("/layout"))
        .flatMap(([, files]) => files),
    ),
  ];
}

export function firstLoad(): { route: string; files: Chunk[]; raw: number; gzip: number }[] {
  const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const shared = [...build.rootMainFiles];
  return ROUTES.filter(({ folder }) => existsSync(path.join(dist, "server", "app", folder, "page_client-reference-manifest.js"))).map(
    ({ route, folder, entry }) => {
      const files = [...new Set([...shared, ...entryFiles(folder, entry)])].map(chunk);
      return { route, files, raw: sum(files, "raw"), gzip: sum(files, "gzip") };
    },
  );
}

function sum(files: readonly Chunk[], key: "raw" | "gzip"): number {
  return files.reduce((total, file) => total + file[key], 0);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function main(): void {
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`No production build in ${dist}: run \`npx next build\` first.`);
  const rows = firstLoad();
  console.log(
    `first-load JavaScript per page, from the build in ${dist} (${os.cpus().length}× ${os.cpus()[0]?.model}, node ${process.version})`,
  );
  console.log(`  ${"route".padEnd(14)} ${"gzip".padStart(10)} ${"raw".padStart(10)}  chunks  heavy libraries in first load`);
  for (const row of rows) {
    const heavy = [...new Set(row.files.flatMap((file) => file.holds))];
    console.log(
      `  ${row.route.padEnd(14)} ${kB(row.gzip).padStart(10)} ${kB(row.raw).padStart(10)}  ${String(row.files.length).padStart(6)}  ${heavy.length ? heavy.join(", ") : "none"}`,
    );
  }
  const lazy = [...new Set(readLoadable())].map(chunk).filter((c) => c.holds.length);
  for (const c of lazy) console.log(`  loaded on demand: ${c.file} ${kB(c.gzip)} gzip (${c.holds.join(", ")})`);
}

/** Chunks loaded by next/dynamic from the editor page: where the heavy libraries should be. */
function readLoadable(): string[] {
  const file = path.join(dist, "server", "app", "(app)", "editor", "[id]", "page", "react-loadable-manifest.json");
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, { files: string[] }>;
  return Object.values(manifest).flatMap((entry) => entry.files);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
