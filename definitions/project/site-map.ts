import type { DataItem, MapFeature } from "@/lib/controller";
import type { GeoPoint } from "@/lib/params";
import type { ProjectParams } from "./params";

const EARTH_RADIUS = 6_371_008.8; // m, the mean radius

/**
 * A site boundary's area and perimeter, in m² and m, on a plane tangent at the ring's middle
 * (equirectangular): within 0.1 % for a site of a few kilometres, which is what a boundary is.
 */
export function measureRing(ring: readonly GeoPoint[]): { area: number; perimeter: number } {
  const lat0 = (ring.reduce((sum, p) => sum + p.lat, 0) / ring.length) * (Math.PI / 180);
  const xy = ring.map(
    (p) => [((EARTH_RADIUS * (p.lon * Math.PI)) / 180) * Math.cos(lat0), (EARTH_RADIUS * p.lat * Math.PI) / 180] as const,
  );
  let twiceArea = 0;
  let perimeter = 0;
  for (let i = 0; i + 1 < xy.length; i++) {
    const [[x1, y1], [x2, y2]] = [xy[i]!, xy[i + 1]!];
    twiceArea += x1 * y2 - x2 * y1;
    perimeter += Math.hypot(x2 - x1, y2 - y1);
  }
  return { area: Math.abs(twiceArea) / 2, perimeter };
}

export const SITE_COLORS = { location: "#dc2626", boundary: "#2563eb" } as const;

/** The project's site on the map: where it is and its boundary, with their numbers. */
export function siteFeatures(site: ProjectParams["site"], name: string): MapFeature[] {
  const features: MapFeature[] = [];
  if (site.boundary) {
    const { area } = measureRing(site.boundary);
    features.push({
      shape: "polygon",
      points: site.boundary,
      color: SITE_COLORS.boundary,
      title: `${name}: site boundary`,
      description: `${(area / 10_000).toFixed(2)} ha`,
    });
  }
  if (site.location) {
    features.push(
      {
        shape: "point",
        at: site.location,
        icon: "pin",
        color: SITE_COLORS.location,
        title: name,
        description: `${site.location.lat.toFixed(5)}, ${site.location.lon.toFixed(5)}`,
      },
      { shape: "label", at: site.location, text: name },
    );
  }
  return features;
}

export function siteItems(site: ProjectParams["site"]): DataItem[] {
  const boundary = site.boundary && measureRing(site.boundary);
  return [
    {
      label: "Location",
      value: site.location ? `${site.location.lat.toFixed(5)}, ${site.location.lon.toFixed(5)}` : "not set",
      status: site.location ? undefined : "warning",
      message: site.location ? undefined : "Place the project on the map in the Site section.",
    },
    { label: "Site area", value: boundary ? boundary.area / 10_000 : null, suffix: "ha", decimals: 2 },
    { label: "Boundary length", value: boundary ? boundary.perimeter : null, suffix: "m", decimals: 0 },
    { label: "Corners", value: site.boundary ? site.boundary.length - 1 : 0 },
  ];
}
