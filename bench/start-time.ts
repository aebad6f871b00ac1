/**
 * How long `npm start` takes until the sign-in page answers: cold (fresh data
 * folder: initdb, migrations, seed) and warm (the same folder again), with the
 * production bundle already built. Baseline in the same run: `next start`
 * alone on the same bundle, so the launcher's own cost shows.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { rm } from "node:fs/promises";
import { freePort } from "@/lib/db/embedded";

const dataDir = ".data/bench-start";

async function timeToPage(command: string[], env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore" });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/sign-in`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

export async function main(): Promise<void> {
  const launcher = [process.execPath, "--import", "tsx", "scripts/start.ts"];
  const env = { GUSSET_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  await rm(dataDir, { recursive: true, force: true });
  const cold = await timeToPage(launcher, env, await freePort());
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await timeToPage(launcher, env, await freePort()));
  const bare = await timeToPage(
    [process.execPath, "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1"],
    { ...env, DATABASE_URL: "postgresql://127.0.0.1:1/none" },
    await freePort(),
  );
  await rm(dataDir, { recursive: true, force: true });

  const median = [...warm].sort((a, b) => a - b)[1]!;
  console.log(`start time to the first served page (${os.cpus().length}× ${os.cpus()[0]?.model}, node ${process.version})`);
  console.log(`  cold (fresh .data: initdb, migrate, seed):  ${(cold / 1000).toFixed(2)} s`);
  console.log(`  warm (median of 3):                         ${(median / 1000).toFixed(2)} s   target < 10 s`);
  console.log(
    `  baseline: bare next start, same bundle:     ${(bare / 1000).toFixed(2)} s   (launcher overhead ${((median - bare) / 1000).toFixed(2)} s)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
