/**
 * `npm run bench`: runs every benchmark in bench/ (each `.ts` file at the
 * top; shared code lives in bench/lib/) one after another, each printing its
 * figure beside the baseline measured in the same run. Needs a production
 * build (`npm run build`; views.ts makes its own, with the bench-only routes).
 * `npm run bench -- NAME` runs the ones matching NAME.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const benches = readdirSync("bench")
  .filter((file) => file.endsWith(".ts") && file !== "run.ts" && !file.endsWith(".test.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n━━ bench/${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `bench/${file}`], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
