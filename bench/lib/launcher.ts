import { spawn, type ChildProcess } from "node:child_process";

/** The real launcher (scripts/start.ts) on `port`, resolved once it says Ready; its output kept for errors. */
export async function startLauncher(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The launcher exited (${child.exitCode}):\n${log}`);
    if (log.includes("[gusset] Ready")) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The launcher did not get ready in 240 s:\n${log}`);
}

/** SIGTERM, resolved when it has stopped (Next drained, the worker done, PostgreSQL down). */
export function stopLauncher(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * Signs in as a browser without JavaScript does: the sign-in page's form posted to its server
 * action (progressive enhancement), which answers with the session cookie and a redirect.
 */
export async function signInByForm(base: string, email: string, password: string): Promise<string> {
  const page = await (await fetch(`${base}/sign-in`)).text();
  const form = new FormData();
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    form.append(name!.replace(/&amp;/g, "&"), (value ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  }
  form.set("email", email);
  form.set("password", password);
  form.set("next", "/");
  const response = await fetch(`${base}/sign-in`, { method: "POST", body: form, headers: { origin: base }, redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!cookie) throw new Error(`Sign-in of ${email} answered ${response.status} without a session cookie.`);
  return cookie.split(";")[0]!;
}
