// The buttons of the registered entity types, by type and button name, as the browser's form
// needs them: label, kind, whether long, whether a `disabled` rule may refuse it. Plain data, so
// the controllers (solver, PDF writer, storage) stay out of the client bundle; the disabled reason
// itself is computed on the server on demand (POST …/buttons/:button with `check`).
// buttons-registry.test.ts holds this to the controllers' own buttons.
import type { ButtonInfo } from "@/lib/controller/describe-buttons";

const buttonsByType: Readonly<Record<string, Readonly<Record<string, ButtonInfo>>>> = {
  beam: {
    report: { label: "Download report (PDF)", kind: "download", long: false, mayBeDisabled: false },
    forces: { label: "Download internal forces (CSV)", kind: "download", long: false, mayBeDisabled: false },
    lightest: { label: "Find the lightest profile", kind: "optimization", long: true, mayBeDisabled: false },
    resetLoads: { label: "Reset loads", kind: "setParams", long: false, mayBeDisabled: false },
    mirror: { label: "Mirror geometry", kind: "setParams", long: false, mayBeDisabled: false },
    send: { label: "Send to the fabricator", kind: "action", long: false, mayBeDisabled: true },
  },
};

/** The button of an entity type as the browser knows it, or null. */
export function buttonInfoOf(typeName: string, button: string): ButtonInfo | null {
  const buttons = Object.hasOwn(buttonsByType, typeName) ? buttonsByType[typeName]! : null;
  return buttons && Object.hasOwn(buttons, button) ? buttons[button]! : null;
}

/** @internal every type's buttons, for the registry test */
export function allButtonInfo(): Readonly<Record<string, Readonly<Record<string, ButtonInfo>>>> {
  return buttonsByType;
}
