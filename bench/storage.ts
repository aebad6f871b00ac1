/**
 * Storage streaming: a file of 10, 50 and 100 MB streamed into storage and
 * back in a fresh process each, with the growth of the memory it holds
 * (heap + buffers, sampled after a collection) and of its RSS, and throughput. The growth must not follow
 * the file's size (content moves in 256 KiB chunks).
 */
import { spawnSync } from "node:child_process";
import { benchDatabase, machine } from "./lib/database";

const database = await benchDatabase("storage");
console.log(`storage round trip, one process per size (${machine()})`);
for (const sizeMb of [10, 50, 100]) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "lib/controller/storage.fixture.ts"], {
    env: { ...process.env, DATABASE_URL: database.url, SIZE_MB: String(sizeMb), KEY: `bench-${sizeMb}` },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
    peakRssGrowthMb: number;
    peakHeldGrowthMb: number;
    sent: string;
    received: string;
  };
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${String(sizeMb).padStart(3)} MB: peak held memory +${result.peakHeldGrowthMb.toFixed(1).padStart(5)} MB, peak RSS +${result.peakRssGrowthMb.toFixed(1).padStart(5)} MB, ${((2 * sizeMb) / seconds).toFixed(0)} MB/s in+out, content ${result.sent === result.received ? "identical" : "DIFFERENT"}`,
  );
}
await database.close();
