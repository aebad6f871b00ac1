"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { appOrigin } from "@/lib/auth/auth";
import { sameOriginPath } from "@/lib/auth/same-origin-path";
import { signIn, signOut } from "@/lib/auth/sign-in";

export type SignInState = { message: string; email: string } | null;

// Sign-in is the one public action: it is the door the guard sends people to.
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const result = await signIn({ email, password: form.get("password") }, await headers());
  if (!result.ok) return { message: result.message, email };
  redirect(sameOriginPath(form.get("next"), appOrigin));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
