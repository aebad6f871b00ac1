// Loaded into the Next process the launcher starts (`node --import …/next-peer-address.mjs next start`).
//
// Next 16 keeps a client's own X-Forwarded-For and fills it from the socket only when it is missing,
// so a server action cannot tell the client's address from one it made up (lib/auth/client-address.ts).
// Unless GUSSET_TRUST_PROXY=1 (a reverse proxy writes the header), every request's X-Forwarded-For is
// set to the TCP peer's address here, on Node's `http.server.request.start` diagnostics channel, which
// fires for each request before the server's 'request' listeners (Next's) run.
import diagnosticsChannel from "node:diagnostics_channel";

if (process.env.GUSSET_TRUST_PROXY !== "1") {
  diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => {
    const peer = socket?.remoteAddress;
    if (peer) request.headers["x-forwarded-for"] = peer;
    else delete request.headers["x-forwarded-for"];
  });
  globalThis[Symbol.for("gusset.x-forwarded-for-is-the-peer")] = true;
}
