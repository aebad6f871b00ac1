import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// Next keeps an X-Forwarded-For the client sent, so the launcher loads scripts/next-peer-address.mjs
// into Next: before any 'request' listener runs, the header becomes the TCP peer's address, unless
// GUSSET_TRUST_PROXY=1 says a proxy wrote it. This runs a plain node:http server (what `next start`
// listens with) under the same preload and sends it a forged header.

const PRELOAD = pathToFileURL(path.resolve("scripts/next-peer-address.mjs")).href;
const SERVER = `
  const http = require("node:http");
  const mark = Symbol.for("gusset.x-forwarded-for-is-the-peer") in globalThis;
  const server = http.createServer((req, res) => res.end(JSON.stringify({ forwardedFor: req.headers["x-forwarded-for"] ?? null, mark })));
  // Written as text: console.log colours a number when FORCE_COLOR is set, as npm test sets it.
  server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

async function seenBy(env: Record<string, string>, forwardedFor: string): Promise<{ forwardedFor: string | null; mark: boolean }> {
  const child = spawn(process.execPath, ["--import", PRELOAD, "-e", SERVER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": forwardedFor } });
    return (await response.json()) as { forwardedFor: string | null; mark: boolean };
  } finally {
    child.kill();
  }
}

describe("the launcher's preload for Next", () => {
  it("replaces a forged X-Forwarded-For with the peer's address, and marks the process", async () => {
    expect(await seenBy({ GUSSET_TRUST_PROXY: "" }, "203.0.113.7")).toEqual({
      forwardedFor: expect.stringMatching(/127\.0\.0\.1$/),
      mark: true,
    });
  });

  it("leaves the header a proxy wrote alone when GUSSET_TRUST_PROXY=1", async () => {
    expect(await seenBy({ GUSSET_TRUST_PROXY: "1" }, "203.0.113.7, 198.51.100.2")).toEqual({
      forwardedFor: "203.0.113.7, 198.51.100.2",
      mark: false,
    });
  });
});
