import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { userFromHeaders } from "./guard";
import { signIn, WRONG_CREDENTIALS } from "./sign-in";
import { THROTTLE, reserveAttempt, throttleKeys } from "./throttle";
import { createUser, endSessionsOf, setUserDisabled } from "./users";

// As behind a reverse proxy: the address is the last X-Forwarded-For hop (lib/auth/client-address.ts).
beforeAll(() => {
  vi.stubEnv("GUSSET_TRUST_PROXY", "1");
});
const from = (address: string) => new Headers({ "x-forwarded-for": address });
const TOO_MANY = /^Too many failed sign-ins/;
let counter = 0;
async function newUser(roles: ("engineer" | "reviewer" | "admin")[] = ["engineer"]) {
  const email = `user${++counter}-${Date.now()}@example.test`;
  const password = "correct horse battery";
  const { id } = await createUser({ email, name: `User ${counter}`, password, roles });
  return { id, email, password };
}

/** Signs in through better-auth directly and returns a Cookie header carrying the session. */
async function sessionCookie(email: string, password: string): Promise<Headers> {
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers.get("set-cookie")!.split(";")[0]!;
  return new Headers({ cookie });
}

describe("signIn", () => {
  it("signs in with the right password and stores a session", async () => {
    const user = await newUser();
    expect(await signIn({ email: user.email, password: user.password }, from("10.0.0.1"))).toEqual({ ok: true });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers a wrong password and an unknown account with the same message", async () => {
    const user = await newUser();
    const wrong = await signIn({ email: user.email, password: "not it at all" }, from("10.0.0.2"));
    const unknown = await signIn({ email: "nobody@example.test", password: "whatever123" }, from("10.0.0.2"));
    expect(wrong).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(unknown).toEqual(wrong);
  });

  it("refuses bad input with a message, not an exception", async () => {
    expect(await signIn({ email: "", password: "x" }, from("10.0.0.3"))).toEqual({ ok: false, message: "Enter your email address." });
    expect(await signIn(null, from("10.0.0.3"))).toMatchObject({ ok: false });
  });

  it("locks an account after too many failures, even for the right password, from any address", async () => {
    const user = await newUser();
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await signIn({ email: user.email, password: "wrong password" }, from(`10.1.0.${i}`));
    }
    const locked = await signIn({ email: user.email, password: user.password }, from("10.1.1.1"));
    expect(locked).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("locks an address after too many failures across accounts, leaving other addresses alone", async () => {
    const user = await newUser();
    for (let i = 0; i < THROTTLE.perAddress; i++) await reserveAttempt(throttleKeys(`guess${i}@example.test`, "10.2.0.1"));
    expect((await reserveAttempt(throttleKeys("someone@example.test", "10.2.0.1"))).lockedForMinutes).toBeGreaterThan(0);
    expect(await signIn({ email: user.email, password: user.password }, from("10.2.0.1"))).toMatchObject({ ok: false, message: TOO_MANY });
    expect(await signIn({ email: user.email, password: user.password }, from("10.2.0.2"))).toEqual({ ok: true });
  });

  it("unlocks when the window has passed (time moved, not slept)", async () => {
    const keys = throttleKeys("window@example.test", "10.3.0.1");
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await reserveAttempt(keys, start)).lockedForMinutes).toBe(0);
    expect((await reserveAttempt(keys, new Date(start.getTime() + 60_000))).lockedForMinutes).toBe(14);
    expect((await reserveAttempt(keys, new Date(start.getTime() + THROTTLE.windowMs + 1))).lockedForMinutes).toBe(0);
    const row = await db.signInThrottle.findUnique({ where: { key: keys.account } });
    expect(row?.failures).toBe(1); // a new window started
  });

  // The check and the record of a failure were two statements: 50 parallel wrong passwords all read
  // "no failures yet" and were all checked, and the right password at position 17 of 20 parallel
  // tries signed in. Each attempt is now counted in one UPSERT before its password is checked.
  it("checks only 5 of 50 parallel wrong passwords for one account; the others are refused unchecked", async () => {
    const user = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn({ email: user.email, password: `wrong password ${i}` }, from(`10.6.${i}.1`))),
    );
    expect(answers.filter((a) => !a.ok && a.message === WRONG_CREDENTIALS)).toHaveLength(THROTTLE.perAccount);
    expect(answers.filter((a) => !a.ok && TOO_MANY.test(a.message))).toHaveLength(50 - THROTTLE.perAccount);
  });

  it("lets the right password among 20 parallel tries in only if it was one of the 5 checked", async () => {
    const user = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signIn({ email: user.email, password: i === 16 ? user.password : `wrong password ${i}` }, from(`10.7.${i}.1`)),
      ),
    );
    const checked = answers.filter((a) => a.ok || a.message === WRONG_CREDENTIALS);
    expect(checked.length).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(answers.filter((a) => a.ok).length);
  });

  it("gives a successful attempt's count back to its address", async () => {
    const user = await newUser();
    const address = throttleKeys(user.email, "10.8.0.1").address;
    await signIn({ email: user.email, password: "wrong password" }, from("10.8.0.1"));
    await signIn({ email: user.email, password: user.password }, from("10.8.0.1"));
    expect((await db.signInThrottle.findUnique({ where: { key: address } }))?.failures).toBe(1);
  });

  it("clears the account's failures after a successful sign-in", async () => {
    const user = await newUser();
    await signIn({ email: user.email, password: "wrong password" }, from("10.4.0.1"));
    await signIn({ email: user.email, password: user.password }, from("10.4.0.1"));
    expect(await db.signInThrottle.findUnique({ where: { key: throttleKeys(user.email, "x").account } })).toBeNull();
  });
});

describe("sessions", () => {
  it("reads the signed-in user and their roles from the session cookie", async () => {
    const user = await newUser(["reviewer", "admin"]);
    const headers = await sessionCookie(user.email, user.password);
    expect(await userFromHeaders(headers)).toEqual({
      id: user.id,
      email: user.email,
      name: expect.any(String),
      roles: ["reviewer", "admin"],
    });
  });

  it("treats a forged or unknown cookie as signed out", async () => {
    expect(await userFromHeaders(new Headers({ cookie: "better-auth.session_token=forged.c2ln" }))).toBeNull();
    expect(await userFromHeaders(new Headers())).toBeNull();
  });

  it("ends at once when an admin ends the user's sessions", async () => {
    const user = await newUser();
    const headers = await sessionCookie(user.email, user.password);
    expect(await userFromHeaders(headers)).not.toBeNull();
    expect(await endSessionsOf(user.id)).toBe(1);
    expect(await userFromHeaders(headers)).toBeNull();
  });

  it("a disabled user loses their sessions and cannot sign in again", async () => {
    const user = await newUser();
    const headers = await sessionCookie(user.email, user.password);
    await setUserDisabled(user.id, true);
    expect(await userFromHeaders(headers)).toBeNull();
    expect(await signIn({ email: user.email, password: user.password }, from("10.5.0.1"))).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    await setUserDisabled(user.id, false);
    expect(await signIn({ email: user.email, password: user.password }, from("10.5.0.1"))).toEqual({ ok: true });
  });

  it("stores passwords hashed, never in clear", async () => {
    const user = await newUser();
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain(user.password);
    expect(account.password?.length).toBeGreaterThan(40);
  });
});
