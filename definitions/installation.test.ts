import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entityType } from "@/lib/installation";
import { installationProblems } from "@/lib/installation/install";
import { validateParams, withDefaults } from "@/lib/params";
import { beamParams } from "./beam/params";
import shipped from ".";

describe("the shipped installation", () => {
  it.each(shipped.entityTypes.map((type) => [type.name, type] as const))(
    "%s: its folder's params.ts holds the parametrization the browser's form loads",
    async (_name, type) => {
      const file = path.join("definitions", type.folder, "params.ts");
      expect(existsSync(file), `${file} exists`).toBe(true);
      const loaded = (await import(/* @vite-ignore */ `./${type.folder}/params`)) as { default: unknown };
      expect(loaded.default).toBe(type.params);
    },
  );

  it.each(shipped.entityTypes.map((type) => [type.name, type] as const))("%s starts with valid params", (_name, type) => {
    const result = validateParams(type.params, withDefaults(type.params, {}), { source: "browser" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("has no problems, and some type may sit at the top of the tree", () => {
    expect(installationProblems(shipped.entityTypes)).toEqual([]);
    expect(shipped.entityTypes.some((type) => type.placement.atRoot)).toBe(true);
  });

  it("refuses duplicate names, parents that are not installed, and a type placed nowhere", () => {
    const a = entityType({ name: "a", label: "A", params: beamParams, placement: { under: ["ghost"] } });
    const nowhere = entityType({ name: "b", label: "B", params: beamParams, placement: { atRoot: false } });
    expect(installationProblems([a, a, nowhere])).toEqual([
      'Entity type "a" is installed twice.',
      'Entity type "a" may be created under "ghost", which is not installed.',
      'Entity type "a" may be created under "ghost", which is not installed.',
      'Entity type "b" may be created nowhere: give it placement.atRoot or placement.under.',
    ]);
  });
});
