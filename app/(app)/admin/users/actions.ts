"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/app/platform";
import { endSessionsOf, setUserDisabled } from "@/lib/auth/users";

const target = z.object({ userId: z.string().min(1).max(100) });

export type AdminActionState = { message: string; ok: boolean } | null;

export async function setDisabledAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  const admin = await requireUser("users.manage");
  const parsed = target.extend({ disabled: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "That request was not understood." };
  if (parsed.data.userId === admin.id) return { ok: false, message: "You cannot disable your own account." };
  await setUserDisabled(parsed.data.userId, parsed.data.disabled === "true");
  revalidatePath("/admin/users");
  return { ok: true, message: parsed.data.disabled === "true" ? "User disabled; their sessions ended." : "User enabled." };
}

export async function endSessionsAction(_previous: AdminActionState, form: FormData): Promise<AdminActionState> {
  await requireUser("users.manage");
  const parsed = target.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "That request was not understood." };
  const count = await endSessionsOf(parsed.data.userId);
  revalidatePath("/admin/users");
  return { ok: true, message: `Ended ${count} session${count === 1 ? "" : "s"}.` };
}
