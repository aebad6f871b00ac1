"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/sign-in";

export type SignInState = { message: string; email: string } | null;

// Sign-in is the one public action: it is the door the guard sends people to.
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const result = await signIn({ email, password: form.get("password") }, await headers());
  if (!result.ok) return { message: result.message, email };
  redirect(safeNext(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}

/** Only a path on this site, never another origin (`//evil.example`). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
