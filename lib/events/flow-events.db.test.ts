import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { FLOW_CHANNEL, subscribeFlowEvents, type FlowEvent } from "./flow-events";

const sender = new pg.Client({ connectionString: process.env.DATABASE_URL });
await sender.connect();
afterAll(() => sender.end());

const notify = (payload: unknown) => sender.query("SELECT pg_notify($1, $2)", [FLOW_CHANNEL, JSON.stringify(payload)]);

function nextEvents(count: number, subscribe = subscribeFlowEvents): Promise<{ events: FlowEvent[]; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const events: FlowEvent[] = [];
    let stop: () => void = () => {};
    subscribe((event) => {
      events.push(event);
      if (events.length === count) resolve({ events, stop });
    })
      .then((unsubscribe) => (stop = unsubscribe))
      .catch(reject);
  });
}

describe("subscribeFlowEvents", () => {
  it("relays each committed notification to every subscriber, with only the flow, process and transaction id", async () => {
    const a = nextEvents(2);
    const b = nextEvents(2);
    await new Promise((resolve) => setTimeout(resolve, 100)); // LISTEN is in place
    await notify({ flow: "design-review", process: "p1", status: "running", tasks: [{ id: "t1", status: "new" }], tx: "812" });
    await notify({ flow: "hello-world", process: "p2" });
    for (const { events, stop } of [await a, await b]) {
      expect(events).toEqual([
        { flow: "design-review", process: "p1", tx: "812" },
        { flow: "hello-world", process: "p2" },
      ]);
      stop();
    }
  });

  it("ignores payloads that are not flow events", async () => {
    const received = nextEvents(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await notify("not json at all");
    await sender.query("SELECT pg_notify($1, $2)", [FLOW_CHANNEL, "{broken"]);
    await notify({ flow: "hello-world", process: "p3" });
    const { events, stop } = await received;
    expect(events).toEqual([{ flow: "hello-world", process: "p3" }]);
    stop();
  });

  it("does not send a notification that was rolled back", async () => {
    const received = nextEvents(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sender.query("BEGIN");
    await notify({ flow: "x", process: "rolled-back" });
    await sender.query("ROLLBACK");
    await notify({ flow: "x", process: "committed" });
    const { events, stop } = await received;
    expect(events).toEqual([{ flow: "x", process: "committed" }]);
    stop();
  });

  it("listens again after its connection is killed, and relays what follows", async () => {
    const events: FlowEvent[] = [];
    const stop = await subscribeFlowEvents((event) => events.push(event));
    const killed = await sender.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%-listen' AND pid <> pg_backend_pid()`,
    );
    expect(killed.rows).toEqual([{ pg_terminate_backend: true }]);
    await expect
      .poll(
        async () => {
          await notify({ flow: "after", process: "reconnect" });
          return events.some((event) => event.process === "reconnect");
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(true);
    stop();
  });
});
