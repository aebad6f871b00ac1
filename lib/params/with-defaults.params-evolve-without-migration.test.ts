import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boolean,
  keepIgnoredValues,
  newRow,
  number,
  option,
  parametrization,
  tab,
  table,
  text,
  validateParams,
  withDefaults,
} from "@/lib/params";

// Version 1 of an entity type, and an entity stored with it.
const v1 = parametrization({
  geometry: tab("Geometry", {
    length: number("Length", { default: 6, suffix: "m" }),
    legacyFactor: number("Legacy factor", { default: 1 }),
    points: table("Points", { x: number("x") }),
  }),
});
const stored = { geometry: { length: 8, legacyFactor: 1.2, points: [{ x: 1 }, { x: 2 }] } };

// Version 2: a field, a column and a whole tab added; `legacyFactor` removed.
const v2 = parametrization({
  geometry: tab("Geometry", {
    length: number("Length", { default: 6, suffix: "m" }),
    width: number("Width", { default: 0.3, suffix: "m" }),
    points: table("Points", { x: number("x"), fixed: boolean("Fixed", { default: true }) }),
  }),
  analysis: tab("Analysis", { method: option("Method", { options: ["linear", "nonlinear"], default: "linear" }) }),
});
const upgraded = {
  geometry: {
    length: 8,
    width: 0.3,
    points: [
      { x: 1, fixed: true },
      { x: 2, fixed: true },
    ],
  },
  analysis: { method: "linear" },
};

describe("params evolve without migrations", () => {
  it("gives a stored entity the default of every field added since, down to table columns", () => {
    expect(withDefaults(v2, stored)).toEqual(upgraded);
    expect(validateParams(v2, stored, { source: "storage" })).toEqual({ ok: true, params: upgraded });
  });

  it("ignores the stored value of a removed field when loading from storage, but refuses it from the browser", () => {
    const fromBrowser = validateParams(v2, stored, { source: "browser" });
    expect(fromBrowser.ok ? [] : fromBrowser.errors.map((error) => error.path)).toEqual(["geometry.legacyFactor"]);
  });

  it("keeps the removed field's value in what is stored, so restoring the field restores it", () => {
    const edited = { ...upgraded, geometry: { ...upgraded.geometry, length: 9 } };
    const toStore = keepIgnoredValues(v2, stored, edited);
    expect(toStore).toEqual({ ...edited, geometry: { ...edited.geometry, legacyFactor: 1.2 } });
    expect(validateParams(v2, toStore, { source: "storage" })).toEqual({ ok: true, params: edited });
    const restored = validateParams(v1, toStore, { source: "storage" });
    expect(restored.ok && restored.params.geometry).toEqual({ length: 9, legacyFactor: 1.2, points: [{ x: 1 }, { x: 2 }] });
  });

  it("leaves a new required field without default empty, for the user to fill in", () => {
    const v3 = parametrization({
      geometry: tab("Geometry", { length: number("Length", { default: 6 }), owner: text("Owner") }),
    });
    expect(withDefaults(v3, stored)).toEqual({ geometry: { length: 8, owner: null } });
    expect(validateParams(v3, stored, { source: "storage" })).toEqual({
      ok: false,
      errors: [{ path: "geometry.owner", rule: "required", message: "Owner is required" }],
    });
  });
});

describe("withDefaults", () => {
  it("starts a new entity at every default, empty where there is none", () => {
    expect(withDefaults(v2, undefined)).toEqual({
      geometry: { length: 6, width: 0.3, points: [] },
      analysis: { method: "linear" },
    });
    expect(newRow(v2.layout.geometry.children.points)).toEqual({ x: null, fixed: true });
  });

  it("never throws, and keeps a value of the wrong type for validation to report", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true }), (junk) => {
        expect(() => withDefaults(v2, junk)).not.toThrow();
        expect(() => withDefaults(v2, { geometry: junk, analysis: { method: junk } })).not.toThrow();
      }),
    );
    expect(withDefaults(v2, { geometry: 5 })).toEqual({ geometry: 5, analysis: { method: "linear" } });
  });

  it("hands out fresh default values, so that editing one draft cannot change the next", () => {
    const withRows = parametrization({ points: table("Points", { x: number("x") }, { default: [{ x: 1 }] }) });
    const first = withDefaults(withRows, {}) as { points: { x: number }[] };
    first.points.push({ x: 2 });
    expect(withDefaults(withRows, {})).toEqual({ points: [{ x: 1 }] });
    const parsed = validateParams(withRows, {}, { source: "browser" });
    if (parsed.ok) parsed.params.points.push({ x: 3 });
    expect(validateParams(withRows, {}, { source: "browser" })).toEqual({ ok: true, params: { points: [{ x: 1 }] } });
  });
});
