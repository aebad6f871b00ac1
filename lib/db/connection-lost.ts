/**
 * Whether an error means the database connection was lost or could not be made (a restart, a
 * failover, the server down): worth trying again later, unlike an error in the statement itself.
 * SQLSTATE classes 08 (connection exception) and 57P01–57P03 (shutdown, crash, starting up), and
 * the socket errors node-postgres reports as they are.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code) || SOCKET_CODES.has(code)))
      return true;
    if (typeof message === "string" && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message))
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * Runs `attempt` until it does not fail for a lost connection, waiting longer each time (250 ms to
 * 5 s), for at most `withinMs`: a write that must not be lost to a database restart (a long call's
 * outcome). Any other error, or the last lost-connection one, is thrown.
 */
export async function untilReachable<T>(attempt: () => Promise<T>, withinMs = 60_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConnectionLost(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
