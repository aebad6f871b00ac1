import { z } from "zod";
import { flow } from "@/lib/flow";

/** The seed's first flow: a start form, a handler that tosses a coin, an if, and an end for each side. */
export const helloWorld = flow("hello-world", {
  process: z.object({
    text: z.string(),
    outcome: z.enum(["heads", "tails"]).optional(),
  }),
  nodes: ({ start, handler, ifNode, end }) => ({
    start: start({ title: "Say hello", form: z.object({ text: z.string().min(1).max(200) }), permission: "flow.start" }).next("toss"),
    toss: handler(() => ({ outcome: Math.random() < 0.5 ? ("heads" as const) : ("tails" as const) })).next("decide"),
    decide: ifNode(({ process }) => process.data.outcome === "heads")
      .then("heads")
      .else("tails"),
    heads: end({ title: "Heads" }),
    tails: end({ title: "Tails" }),
  }),
});
