import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { userFromHeaders } from "./guard";
import { refreshSessionIfDue } from "./refresh-session";
import { parseRoles } from "./roles";
import { cookieValue, userFromSessionCookie, verifiedToken } from "./session-cookie";
import { createUser, endSessionsOf } from "./users";

let counter = 0;
async function signedInUser(roles: ("engineer" | "reviewer" | "admin")[] = ["engineer"]) {
  const email = `cookie${++counter}-${Date.now()}@example.test`;
  const password = "correct horse battery";
  const { id } = await createUser({ email, name: `Cookie ${counter}`, password, roles });
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers.get("set-cookie")!.split(";")[0]!;
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  const token = decodeURIComponent(value).split(".")[0]!;
  return { id, email, cookie, name, token };
}

const withCookie = (cookie: string) => new Headers({ cookie });
const sign = (token: string, secret: string) => `${token}.${createHmac("sha256", secret).update(token).digest("base64")}`;

/** What better-auth's own getSession says of the headers, as the guard used to read it. */
async function betterAuthUser(headers: Headers) {
  const session = await auth.api.getSession({ headers }).catch(() => null);
  if (!session) return null;
  const user = session.user as { id: string; email: string; name: string; roles?: string[] | null; disabled?: boolean | null };
  if (user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, roles: parseRoles(user.roles ?? []) };
}

/** Every reader on the same headers: the one-statement readers must answer what better-auth answers. */
async function bothRead(headers: Headers) {
  const [fast, page, better] = [await userFromSessionCookie(headers), await userFromHeaders(headers), await betterAuthUser(headers)];
  expect(fast).toEqual(better);
  expect(page).toEqual(better);
  return fast;
}

describe("userFromSessionCookie answers as better-auth's getSession, in one statement", () => {
  it("reads the user and roles of a live session", async () => {
    const user = await signedInUser(["reviewer", "admin"]);
    expect(await bothRead(withCookie(user.cookie))).toEqual({
      id: user.id,
      email: user.email,
      name: expect.any(String),
      roles: ["reviewer", "admin"],
    });
    // Among other cookies, and quoted.
    const quoted = `${user.name}="${user.cookie.slice(user.name.length + 1)}"`;
    expect(await bothRead(withCookie(`theme=dark; ${quoted}; other=1`))).toMatchObject({ id: user.id });
  });

  it("refuses no cookie, a forged one, a tampered token and a token signed with another secret", async () => {
    const user = await signedInUser();
    const { secret } = await auth.$context;
    expect(await bothRead(new Headers())).toBeNull();
    expect(await bothRead(withCookie(`${user.name}=forged.c2lnbmF0dXJl`))).toBeNull();
    const signature = decodeURIComponent(user.cookie.slice(user.name.length + 1)).split(".")[1]!;
    const tampered = `${user.token.slice(0, -1)}${user.token.endsWith("A") ? "B" : "A"}.${signature}`;
    expect(await bothRead(withCookie(`${user.name}=${encodeURIComponent(tampered)}`))).toBeNull();
    expect(
      await bothRead(withCookie(`${user.name}=${encodeURIComponent(sign(user.token, "another secret of enough length, 32+"))}`)),
    ).toBeNull();
    // Correctly signed, but no such session: the database is the judge.
    expect(
      await bothRead(withCookie(`${user.name}=${encodeURIComponent(sign(randomBytes(24).toString("base64url"), secret))}`)),
    ).toBeNull();
  });

  it("refuses an ended session, an expired one and a disabled user's", async () => {
    const ended = await signedInUser();
    expect(await endSessionsOf(ended.id)).toBe(1);
    expect(await bothRead(withCookie(ended.cookie))).toBeNull();

    const expired = await signedInUser();
    await db.session.updateMany({ where: { token: expired.token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFromSessionCookie(withCookie(expired.cookie))).toBeNull();
    expect(await userFromHeaders(withCookie(expired.cookie))).toBeNull();

    // Disabled in the row alone (setUserDisabled also deletes the sessions): the join checks the flag.
    const disabled = await signedInUser();
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    expect(await bothRead(withCookie(disabled.cookie))).toBeNull();
  });

  // A page load extended a due session in the database but could send no cookie (a Server Component
  // cannot set one), so the browser's cookie still expired a week after sign-in. The readers never
  // extend now; proxy.ts does, through refreshSessionIfDue, and sends better-auth's Set-Cookie back.
  it("leaves extending a session to proxy.ts: no reader extends one that is due; refreshSessionIfDue does and answers the cookie", async () => {
    const user = await signedInUser();
    const { sessionConfig } = await auth.$context;
    // Due: more than updateAge (a day) since the session was last extended to expiresIn (a week).
    const due = new Date(Date.now() + (sessionConfig.expiresIn - sessionConfig.updateAge) * 1000 - 3_600_000);
    await db.session.updateMany({ where: { token: user.token }, data: { expiresAt: due } });
    const expiresAt = async () => (await db.session.findFirstOrThrow({ where: { token: user.token } })).expiresAt.getTime();

    expect(await userFromSessionCookie(withCookie(user.cookie))).toMatchObject({ id: user.id });
    expect(await userFromHeaders(withCookie(user.cookie))).toMatchObject({ id: user.id });
    expect(await expiresAt()).toBe(due.getTime());

    const setCookies = await refreshSessionIfDue(withCookie(user.cookie));
    expect(await expiresAt()).toBeGreaterThan(due.getTime() + 3_600_000);
    const session = setCookies.find((cookie) => cookie.startsWith(`${user.name}=`));
    expect(session).toMatch(new RegExp(`Max-Age=${sessionConfig.expiresIn}`));
    // The same signed token: the browser keeps its session, for a week from now.
    expect(decodeURIComponent(session!.slice(user.name.length + 1).split(";")[0]!).split(".")[0]).toBe(user.token);

    // Not due any more: nothing to send, nothing written.
    const extended = await expiresAt();
    expect(await refreshSessionIfDue(withCookie(user.cookie))).toEqual([]);
    expect(await expiresAt()).toBe(extended);
  });

  it("reads the first of two cookies of the same name, as better-call does", async () => {
    const first = await signedInUser();
    const second = await signedInUser();
    const both = `${first.cookie}; ${second.cookie}`;
    expect(await bothRead(withCookie(both))).toMatchObject({ id: first.id });
  });
});

describe("the cookie's parts", () => {
  it("finds the first cookie of a name, URL-decoded", () => {
    expect(cookieValue("a=1; b=x%2By; b=2", "b")).toBe("x+y");
    expect(cookieValue("ab=1", "b")).toBeNull();
    expect(cookieValue("a=%E0%A4%A", "a")).toBe("%E0%A4%A");
  });

  it("accepts only the secret's HMAC of the token", () => {
    const secret = "a secret of thirty-two characters at least";
    expect(verifiedToken(sign("abc", secret), secret)).toBe("abc");
    expect(verifiedToken(sign("abc", secret), `${secret}!`)).toBeNull();
    expect(verifiedToken(sign("abc", secret).replace("abc", "abd"), secret)).toBeNull();
    expect(verifiedToken("abc", secret)).toBeNull();
    expect(verifiedToken(`.${sign("", secret).slice(1)}`, secret)).toBeNull();
  });
});
