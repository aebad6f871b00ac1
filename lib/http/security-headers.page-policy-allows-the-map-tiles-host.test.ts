import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, tileSource } from "./security-headers";

// The page policy's img-src allowed only the app's own images and data:/blob: URLs, so the map view's
// tiles, fetched from the GUSSET_MAP_TILES host, were refused. That host is now in img-src when set.

const imgSrc = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("img-src "));

describe("the page Content-Security-Policy", () => {
  it("allows images from the app, data: and blob: URLs only, without a tile URL", () => {
    expect(imgSrc(pageContentSecurityPolicy("n"))).toBe("img-src 'self' blob: data:");
  });

  it.each([
    ["https://tiles.example.com/{z}/{x}/{y}.png", "https://tiles.example.com"],
    ["http://localhost:8123/osm/{z}/{x}/{y}.png?key=abc", "http://localhost:8123"],
    ["https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"],
    ["HTTPS://Tiles.Example.com:8443/{z}/{x}/{y}.png", "https://tiles.example.com:8443"],
    ["https://tiles-{s}.example.com/{z}/{x}/{y}.png", "https:"],
  ])("adds the host of the tile URL %s to img-src as %s", (template, source) => {
    expect(tileSource(template)).toBe(source);
    expect(imgSrc(pageContentSecurityPolicy("n", { mapTiles: template }))).toBe(`img-src 'self' blob: data: ${source}`);
  });

  it.each([[undefined], [""], ["ftp://tiles.example.com/{z}/{x}/{y}.png"], ["/tiles/{z}/{x}/{y}.png"]])(
    "adds nothing for a tile URL %j that names no http(s) host",
    (template) => {
      expect(imgSrc(pageContentSecurityPolicy("n", { mapTiles: template }))).toBe("img-src 'self' blob: data:");
    },
  );

  it("puts the nonce in script-src and forbids framing, plugins and other form targets", () => {
    const policy = pageContentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(pageContentSecurityPolicy("abc123", { dev: true })).toContain("'unsafe-eval'");
  });
});
