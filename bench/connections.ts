/**
 * Database connections a Next process and a job worker open, under a mixed load on the launcher's
 * app: editors' view calls, pages, the live event stream, a slow view in the job queue (memoize),
 * an upload (storage). Every 100 ms it reads pg_stat_activity and gives each backend to the process
 * that owns its client socket (ss -tnp), then prints the most each process held at once, beside
 * the pool sizes it is configured with. BENCH_APP_DIR runs another checkout's launcher instead (an
 * earlier commit, for a before/after figure); it needs only HTTP and SQL of it.
 *
 *   npm run bench -- connections
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { withDefaults } from "@/lib/params";
import beamParams from "@/definitions/beam/params";
import { signInByForm } from "./lib/launcher";
import { machine } from "./lib/database";

const appDir = path.resolve(process.env.BENCH_APP_DIR ?? ".");
const port = 3990 + Math.floor(Math.random() * 8);
const base = `http://localhost:${port}`;
const dataDir = path.join(appDir, ".data", `bench-connections-${port}`);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

await rm(dataDir, { recursive: true, force: true });
const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  cwd: appDir,
  env: { ...process.env, PORT: String(port), GUSSET_DATA_DIR: dataDir, BETTER_AUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let log = "";
launcher.stdout!.on("data", (chunk) => (log += chunk));
launcher.stderr!.on("data", (chunk) => (log += chunk));
for (const deadline = Date.now() + 300_000; !log.includes("[gusset] Ready");) {
  if (launcher.exitCode !== null || Date.now() > deadline) throw new Error(`The launcher did not start:\n${log}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const { port: pgPort, password } = JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as {
  port: number;
  password: string;
};
const admin = new pg.Client({
  connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/gusset`,
  application_name: "bench",
});
await admin.connect();

try {
  const cookie = await signInByForm(base, "engineer@gusset.local", "gusset-engineer");
  const { rows } = await admin.query<{ id: string }>(`SELECT id FROM "user" WHERE email = 'engineer@gusset.local'`);
  const owner = rows[0]!.id;
  const [project, cube, beam] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  await admin.query(
    `INSERT INTO entity (id, type, name, "parentId", params, "ownerId") VALUES ($1, 'project', 'Connections', NULL, '{}', $4),
       ($2, 'cube', 'Cube', $1, '{}', $4), ($3, 'beam', 'Beam', $1, '{}', $4)`,
    [project, cube, beam, owner],
  );
  const headers = { cookie, origin: base, "content-type": "application/json" };

  const samples = new Map<string, number>();
  const sampler = setInterval(() => void sample(samples), 100);
  const stopAt = Date.now() + SECONDS * 1000;
  const loop = async (work: () => Promise<unknown>) => {
    while (Date.now() < stopAt) await work().catch(() => {});
  };
  const events = Array.from({ length: 2 }, () => fetch(`${base}/api/events`, { headers: { cookie } }));
  const defaults = withDefaults(beamParams, {}) as { loads: { pointLoads: { x: number; F: number }[] } };
  await Promise.all([
    ...Array.from({ length: 20 }, () =>
      loop(() =>
        fetch(`${base}/api/entities/${cube}/views/volume`, {
          method: "POST",
          headers,
          body: JSON.stringify({ params: { length: 2, width: 3, height: 4 } }),
        }).then((r) => r.text()),
      ),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      loop(() => fetch(`${base}${i % 2 ? "/inbox" : `/editor/${beam}`}`, { headers: { cookie } }).then((r) => r.text())),
    ),
    loop(async () => {
      // A slow view: a worker runs it, through memoize (a load no run used before, so it computes).
      const params = { ...defaults, loads: { ...defaults.loads, pointLoads: [{ x: 3, F: 10 + Math.random() * 40 }] } };
      const answer = await fetch(`${base}/api/entities/${beam}/views/fullAnalysis`, {
        method: "POST",
        headers: { ...headers, accept: "application/x-ndjson" },
        body: JSON.stringify({ params, callId: crypto.randomUUID() }),
      });
      await answer.text();
    }),
    loop(async () => {
      const form = new FormData();
      form.set("type", "project");
      form.set("field", "drawing");
      form.set("file", new File([Buffer.from(`%PDF-1.4\n% ${Math.random()}\n%%EOF\n`)], "plan.pdf", { type: "application/pdf" }));
      await fetch(`${base}/api/files`, { method: "POST", headers: { cookie, origin: base }, body: form }).then((r) => r.text());
    }),
  ]);
  clearInterval(sampler);
  for (const stream of events) void stream.then((response) => response.body?.cancel()).catch(() => {});

  console.log(`Database connections held at once, the most over ${SECONDS} s of mixed load (${appDir}; ${machine()})`);
  console.table([...samples].map(([process, most]) => ({ process, "connections at most": most })));
} finally {
  await admin.end();
  launcher.kill("SIGTERM");
  await new Promise((resolve) => launcher.once("exit", resolve));
  await rm(dataDir, { recursive: true, force: true });
}

/** One reading: the client backends of the database, each counted for the process owning its socket. */
async function sample(most: Map<string, number>): Promise<void> {
  const { rows } = await admin.query<{ port: number }>(
    `SELECT client_port AS port FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND client_port IS NOT NULL`,
  );
  const owners = socketOwners();
  const counts = new Map<string, number>();
  for (const { port: clientPort } of rows) {
    const kind = owners.get(clientPort) ?? "unknown";
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of counts) most.set(kind, Math.max(most.get(kind) ?? 0, n));
}

/** The local port of every TCP connection to the database's port, and which process holds it: "next", "worker" or "launcher". */
function socketOwners(): Map<number, string> {
  const out = spawnSync("ss", ["-tnpH", "state", "established", `( dport = :${pgPort} )`], { encoding: "utf8" }).stdout;
  const owners = new Map<number, string>();
  for (const line of out.split("\n")) {
    const local = /\S+:(\d+)\s+\S+:\d+/.exec(line);
    const pid = /pid=(\d+)/.exec(line);
    if (!local || !pid) continue;
    let args = "";
    try {
      args = readFileSync(`/proc/${pid[1]}/cmdline`, "utf8");
    } catch {
      continue;
    }
    owners.set(
      Number(local[1]),
      args.includes("worker.ts") ? "worker" : args.includes("next") ? "next" : args.includes("start.ts") ? "launcher" : "other",
    );
  }
  return owners;
}
