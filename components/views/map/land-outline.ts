import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import land110m from "world-atlas/land-110m.json";

type Ring = GeoJSON.Position[];

/**
 * A ring that crosses the antimeridian (Fiji, Chukotka) jumps from 180° to −180° between two
 * points, which a flat map draws as a stroke across the world. Shifting the points after each jump
 * by 360° keeps it one piece, reaching past 180° (its middle kept within ±180°). A ring that goes round a pole (Antarctica) ends a
 * full turn off and is left as it is: its jump runs along the pole, off the map.
 */
export function unwrapRing(ring: Ring): Ring {
  let offset = 0;
  const unwrapped = ring.map((point, i) => {
    if (i > 0) {
      const step = point[0]! - ring[i - 1]![0]!;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    return [point[0]! + offset, ...point.slice(1)];
  });
  if (offset !== 0) return ring;
  // Where the ring started on the far side of the jump, most of it now lies a world away: bring its middle back.
  const lons = unwrapped.map((point) => point[0]!);
  const shift = -360 * Math.round((Math.min(...lons) + Math.max(...lons)) / 2 / 360);
  return shift === 0 ? unwrapped : unwrapped.map(([lon, ...rest]) => [lon! + shift, ...rest]);
}

let land: GeoJSON.MultiPolygon | null = null;

/** Natural Earth's land at 1:110m (world-atlas), as one multipolygon whose rings do not jump the antimeridian. */
export function landOutline(): GeoJSON.MultiPolygon {
  if (land) return land;
  const topology = land110m as unknown as Topology;
  const collection = feature(topology, topology.objects.land as GeometryCollection) as GeoJSON.FeatureCollection;
  const polygons = collection.features.flatMap(({ geometry }) =>
    geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [],
  );
  land = { type: "MultiPolygon", coordinates: polygons.map((polygon) => polygon.map(unwrapRing)) };
  return land;
}
