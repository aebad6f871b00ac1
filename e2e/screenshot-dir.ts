/**
 * Where the browser tests put their screenshots: test-results/ (ignored), so `npm test` never
 * changes a committed file; `npm run screenshots` (GUSSET_SCREENSHOTS=docs) renews the ones in docs/.
 */
export const SCREENSHOTS = process.env.GUSSET_SCREENSHOTS === "docs" ? "docs/screenshots" : "test-results/screenshots";
