import http from "node:http";

/** One client's request, sent again every `intervalMs`. */
export interface PacedRequest {
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * Paced clients: each sends its request every `intervalMs` at its own random phase, whether or not
 * its last one answered (open loop), for `seconds`. Latency counts from when a request was due, so
 * time it waited on this (shared) machine before it went out counts too, and a slow server cannot
 * hide behind fewer requests.
 */
export async function paced(
  clients: readonly PacedRequest[],
  intervalMs: number,
  seconds: number,
): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const start = performance.now() + 20;
  const end = start + seconds * 1000;
  const due: { at: number; client: PacedRequest }[] = [];
  for (const client of clients) {
    for (let at = start + Math.random() * intervalMs; at < end; at += intervalMs) due.push({ at, client });
  }
  due.sort((a, b) => a.at - b.at);
  const times: number[] = [];
  let errors = 0;
  const send = ({ at, client }: { at: number; client: PacedRequest }) =>
    new Promise<void>((resolve) => {
      const url = new URL(client.url);
      const headers = { ...client.headers, ...(client.body ? { "content-length": String(Buffer.byteLength(client.body)) } : {}) };
      const request = http.request(
        { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: client.method, headers },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode === 200) times.push(performance.now() - at);
            else errors += 1;
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors += 1;
        resolve();
      });
      request.end(client.body);
    });
  const sent: Promise<void>[] = [];
  let next = 0;
  while (next < due.length) {
    const now = performance.now();
    while (next < due.length && due[next]!.at <= now) sent.push(send(due[next++]!));
    if (next < due.length) await new Promise((resolve) => setTimeout(resolve, Math.max(0, due[next]!.at - performance.now())));
  }
  await Promise.all(sent);
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { rps: due.length / seconds, p50: at(0.5), p95: at(0.95), errors };
}
