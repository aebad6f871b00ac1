import { describe, expect, it } from "vitest";
import { baseMapOf, OFFLINE_BASE_MAP } from "./base-map";

describe("baseMapOf", () => {
  it("is the offline outline without settings", () => {
    expect(baseMapOf({})).toEqual(OFFLINE_BASE_MAP);
  });

  it("takes a tile server's URL template, its credit and its zoom", () => {
    expect(
      baseMapOf({
        GUSSET_MAP_TILES: "https://tiles.example.com/{z}/{x}/{y}.png",
        GUSSET_MAP_ATTRIBUTION: "© OpenStreetMap contributors",
        GUSSET_MAP_MAX_ZOOM: "18",
      }),
    ).toEqual({ tiles: "https://tiles.example.com/{z}/{x}/{y}.png", attribution: "© OpenStreetMap contributors", maxZoom: 18 });
  });

  it.each([
    ["tiles.example.com/{z}/{x}/{y}.png", "GUSSET_MAP_TILES must be an http(s) URL"],
    ["ftp://tiles.example.com/{z}/{x}/{y}.png", "GUSSET_MAP_TILES must be an http(s) URL"],
    ["https://tiles.example.com/{z}/{x}.png", "GUSSET_MAP_TILES must contain {z}, {x} and {y}"],
  ])("refuses %s in words", (tiles, message) => {
    expect(() => baseMapOf({ GUSSET_MAP_TILES: tiles })).toThrow(`Map settings: ${message}`);
  });
});
