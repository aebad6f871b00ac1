import { z } from "zod";

/** The base map the browser's maps draw their features on: the bundled world outline, or a tile server's tiles. */
export interface BaseMap {
  /** A tile URL template with {z}, {x} and {y} (and optionally {s}); null: the offline outline. */
  readonly tiles: string | null;
  /** Credit shown on the map, as the tile server's terms require. */
  readonly attribution: string;
  readonly maxZoom: number;
}

const settings = z.object({
  GUSSET_MAP_TILES: z
    .url({ protocol: /^https?$/, error: "GUSSET_MAP_TILES must be an http(s) URL" })
    .refine((url) => ["{z}", "{x}", "{y}"].every((part) => url.includes(part)), "GUSSET_MAP_TILES must contain {z}, {x} and {y}")
    .optional(),
  GUSSET_MAP_ATTRIBUTION: z.string().max(500).optional(),
  GUSSET_MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(24).default(19),
});

/**
 * The base map this deployment configures (docs/deployment.md, "Maps"): offline unless
 * GUSSET_MAP_TILES names a tile server. Throws with what is wrong when a setting is malformed.
 */
export function baseMapOf(env: Readonly<Record<string, string | undefined>> = process.env): BaseMap {
  const parsed = settings.safeParse(env);
  if (!parsed.success) throw new Error(`Map settings: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const { GUSSET_MAP_TILES, GUSSET_MAP_ATTRIBUTION, GUSSET_MAP_MAX_ZOOM } = parsed.data;
  return { tiles: GUSSET_MAP_TILES ?? null, attribution: GUSSET_MAP_ATTRIBUTION ?? "", maxZoom: GUSSET_MAP_MAX_ZOOM };
}

/** The offline base map: what tests and machines without a tile server use. */
export const OFFLINE_BASE_MAP: BaseMap = { tiles: null, attribution: "", maxZoom: 19 };
