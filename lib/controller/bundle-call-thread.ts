/**
 * The code a call thread runs, as one JavaScript file: lib/controller/call-thread.ts and the
 * installation module (definitions/index.ts, or a test's), bundled with esbuild when a process
 * first needs its call threads. Packages stay outside the bundle (pg, pdfkit, zod load from
 * node_modules as usual), so the file is written under node_modules/.cache, where they resolve.
 *
 * Why a bundle made at start rather than the alternatives (measured on the 2 shared cores, the
 * shipped definitions, a thread's start to its first Cube call):
 * - a thread under tsx's loader (`register()` from tsx/esm/api before importing the TypeScript
 *   source; `execArgv: ["--import", "tsx"]` does not reach a worker thread on Node 20: it failed
 *   with ERR_UNKNOWN_FILE_EXTENSION): 1.2 s to load the definitions in each thread, every time a
 *   thread is replaced after a limit, against 0.1 s from the bundle;
 * - a bundle made by `next build`: the Next bundle has no thread entry, and tests need their own
 *   installation modules bundled anyway; esbuild (tsx's own) bundles the 110 files in 0.15 s, so
 *   one way serves the Next server, the job worker and the tests, from the sources they run.
 * @internal
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The project's root: where the installation module's path starts, and node_modules is. */
export function projectRoot(): string {
  return process.cwd();
}

/** Bundles the thread entry with the installation at `installationModule` (a path from the project root); answers the file's path. */
export async function bundleCallThread(installationModule: string): Promise<string> {
  const root = projectRoot();
  const installation = path.join(root, installationModule);
  if (!existsSync(installation)) throw new Error(`The installation module ${installationModule} does not exist under ${root}.`);
  const { build } = await import("esbuild");
  const entry = path.join(root, "lib", "controller", "call-thread.ts");
  const built = await build({
    stdin: {
      contents: [
        `import installation from ${JSON.stringify(installation)};`,
        `import { callThread } from ${JSON.stringify(entry)};`,
        `export default callThread(installation);`,
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
      sourcefile: "call-thread-entry.ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // Packages written in CommonJS that the bundle's code `require`s.
    banner: {
      js: "import { createRequire as gussetCreateRequire } from 'node:module'; const require = gussetCreateRequire(import.meta.url);",
    },
    write: false,
    logLevel: "silent",
  });
  const code = built.outputFiles[0]!.contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const folder = path.join(root, "node_modules", ".cache", "gusset");
  const file = path.join(folder, `call-thread-${hash}.mjs`);
  if (!existsSync(file)) {
    await mkdir(folder, { recursive: true });
    // Several processes may bundle at once: each writes its own file, and the rename is atomic.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return file;
}
