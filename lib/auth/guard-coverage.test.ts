import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page, server action and route handler must pass the guard
// (lib/auth/guard.ts), taken from app/platform.ts, which installs the
// installation first. This reads app/ and fails on one that does not, so a
// forgotten check is caught before review. Public ones are listed by name.

const PUBLIC_PAGES = new Set(["app/sign-in/page.tsx"]);
const PUBLIC_ACTIONS = new Set(["signInAction", "signOutAction"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const files = filesUnder("app").map((file) => ({ file, source: readFileSync(file, "utf8") }));

describe("every entry point goes through the guard", () => {
  const pages = files.filter(({ file }) => file.endsWith("page.tsx") && !PUBLIC_PAGES.has(file));
  it.each(pages.map(({ file, source }) => [file, source]))("page %s calls requireUser", (_file, source) => {
    expect(source).toMatch(/await requireUser\(/);
  });

  // `route.bench.ts` too: bench-only routes (next.config.ts) are served by the bench's build.
  const routes = files.filter(({ file }) => /route(\.bench)?\.tsx?$/.test(file));
  it.each(routes.map(({ file, source }) => [file, source]))("route %s wraps every method in withUser or publicRoute", (_file, source) => {
    expect(source).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)/);
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE|HEAD)\s*=\s*(\w+)/g)];
    expect(methods.length).toBeGreaterThan(0);
    for (const [, , wrapper] of methods) expect(["withUser", "publicRoute"]).toContain(wrapper);
  });

  const actionFiles = files.filter(({ source }) => /^["']use server["']/.test(source.trimStart()));
  // Every export of a "use server" file: a function (the public ones) or a const made by a wrapper.
  const actions = actionFiles.flatMap(({ file, source }) =>
    [...source.matchAll(/^export (?:async function (\w+)|const (\w+)\s*=\s*(\w+)\()/gm)].map(
      ([, fn, name, wrapper]) => [`${file}#${fn ?? name}`, (fn ?? name)!, fn ? "function" : wrapper!] as const,
    ),
  );
  it.each(actions.filter(([, name]) => !PUBLIC_ACTIONS.has(name)))("server action %s is made by userAction", (_id, _name, wrapper) => {
    expect(wrapper).toBe("userAction");
  });

  const onlyPublicActions = ({ file }: { file: string }) =>
    actions.every(([id, name]) => !id.startsWith(`${file}#`) || PUBLIC_ACTIONS.has(name));
  const entryFiles = [...pages, ...routes, ...actionFiles.filter((entry) => !onlyPublicActions(entry))];
  it.each(entryFiles.map(({ file, source }) => [file, source]))("%s takes its guard from app/platform.ts", (_file, source) => {
    expect(source).toMatch(/from "@\/app\/platform";/);
    expect(source).not.toMatch(/from "@\/lib\/auth\/guard";/);
  });

  it("found the app's entry points (the scan itself works)", () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(routes.length).toBeGreaterThanOrEqual(1);
    expect(actions.length).toBeGreaterThanOrEqual(2);
  });
});
