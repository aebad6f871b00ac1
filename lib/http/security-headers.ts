/**
 * The security headers of every answer (issue 14, item 4): in one place, used by next.config.ts (the
 * headers every response gets) and proxy.ts (the page policy with its per-request nonce).
 *
 * Pages get a Content-Security-Policy with a fresh nonce each request, as Next 16's guide does it
 * (proxy.ts puts the policy on the request too, where Next reads the nonce and puts it on its own
 * inline and chunk scripts; 'strict-dynamic' lets those load the chunks they ask for). Styles stay
 * 'unsafe-inline': React renders style attributes (recharts, the tree), which a nonce cannot cover;
 * a nonce in style-src would also switch 'unsafe-inline' off. Frames: only the PDF view's blob: URL
 * and the web view's srcdoc frame (sandbox="", which no policy of ours needs to allow) are framed.
 */

/**
 * The page policy for one request's nonce. `dev` adds what `next dev` needs (eval for React's
 * debugging, the HMR socket); `mapTiles`, the map view's tile URL template (GUSSET_MAP_TILES), adds
 * its host to img-src (Leaflet's own icons are data: URLs).
 */
export function pageContentSecurityPolicy(nonce: string, { dev = false, mapTiles }: { dev?: boolean; mapTiles?: string } = {}): string {
  const tiles = tileSource(mapTiles);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The img-src source of a tile URL template: its scheme and host, a leading placeholder label
 * (`https://{s}.tile.example/{z}/{x}/{y}.png`) as `*.`; a host a policy cannot name (a placeholder
 * inside it) as its scheme alone. Null when unset or not an http(s) URL.
 */
export function tileSource(template: string | undefined): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template?.trim() ?? "");
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase().replace(/^\{[^}]*\}\./, "*.");
  return /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/.test(host) ? `${scheme}://${host}` : `${scheme}:`;
}

/** Route handlers answer data and downloads, never a page: nothing in them may load or run, nor be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers every response carries (next.config.ts `headers()`), pages, routes, static files alike. */
export const EVERY_RESPONSE_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors' older twin, for browsers that read only this.
  { key: "X-Frame-Options", value: "DENY" },
];

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
