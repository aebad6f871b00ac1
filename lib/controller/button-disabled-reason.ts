import { validateParams } from "@/lib/params";
import type { Controller } from "./controller";

/**
 * Why a button is disabled for these params, as the form shows it before a click: its `disabled`
 * rule's reason, or that the inputs need attention first; null when it may be pressed; undefined
 * for a button the controller does not have. callButton checks the same again on the click.
 */
export function buttonDisabledReason(controller: Controller, name: string, rawParams: unknown): string | null | undefined {
  const button = Object.hasOwn(controller.buttons, name) ? controller.buttons[name] : undefined;
  if (!button) return undefined;
  if (!button.disabled) return null;
  const validated = validateParams(controller.params, rawParams, { source: "browser" });
  if (!validated.ok) return "Some inputs need attention first.";
  try {
    return button.disabled({ params: validated.params }) || null;
  } catch (error) {
    return `Cannot tell yet: ${error instanceof Error ? error.message : String(error)}`;
  }
}
