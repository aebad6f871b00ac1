"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/app/platform";
import { endSessionsOf, setUserDisabled } from "@/lib/auth/users";
import { refuse, succeed } from "@/lib/result";

const target = z.object({ userId: z.string().min(1).max(100) });

/** An admin disables a user (ending their sessions at once) or enables them again; never themselves. */
export const setDisabledAction = userAction(
  { permission: "users.manage", input: target.extend({ disabled: z.enum(["true", "false"]) }) },
  async ({ user, input }) => {
    if (input.userId === user.id) return refuse("refused", "You cannot disable your own account.");
    await setUserDisabled(input.userId, input.disabled === "true");
    revalidatePath("/admin/users");
    return succeed({ message: input.disabled === "true" ? "User disabled; their sessions ended." : "User enabled." });
  },
);

/** An admin ends every session of a user: they must sign in again. */
export const endSessionsAction = userAction({ permission: "users.manage", input: target }, async ({ input }) => {
  const count = await endSessionsOf(input.userId);
  revalidatePath("/admin/users");
  return succeed({ message: `Ended ${count} session${count === 1 ? "" : "s"}.` });
});
