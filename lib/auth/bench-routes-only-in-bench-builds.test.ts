import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The benchmark's baseline routes once shipped in every production build, where a security review
// found them answering anyone with a session-like cookie (and echo parsing 10 MB bodies unsigned).
// They now build only with GUSSET_BENCH_ROUTES=1 (next.config.ts); these tests hold that in place.

const BENCH_ROUTES_DIR = "app/api/bench";

async function pageExtensionsWith(benchRoutes: string | undefined): Promise<string[] | undefined> {
  vi.resetModules();
  if (benchRoutes === undefined) vi.stubEnv("GUSSET_BENCH_ROUTES", undefined);
  else vi.stubEnv("GUSSET_BENCH_ROUTES", benchRoutes);
  const { default: config } = await import("@/next.config");
  return config.pageExtensions;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("bench-only routes stay out of production builds", () => {
  it("builds with Next's own page extensions unless GUSSET_BENCH_ROUTES=1", async () => {
    expect(await pageExtensionsWith(undefined)).toEqual(["tsx", "ts", "jsx", "js"]);
    expect(await pageExtensionsWith("0")).toEqual(["tsx", "ts", "jsx", "js"]);
  });

  it("adds the bench extension when GUSSET_BENCH_ROUTES=1 (the bench's own build)", async () => {
    expect(await pageExtensionsWith("1")).toEqual(["tsx", "ts", "jsx", "js", "bench.ts"]);
  });

  it("keeps only bench-extension files under app/api/bench", () => {
    const files = filesUnder(BENCH_ROUTES_DIR);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/\.bench\.ts$/);
  });

  it("puts every bench-only file under app/api/bench, the one place the bench build adds", () => {
    const stray = filesUnder("app").filter((file) => file.endsWith(".bench.ts") && !file.startsWith(`${BENCH_ROUTES_DIR}/`));
    expect(stray).toEqual([]);
  });
});
