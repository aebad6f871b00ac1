"use client";

import { useState, type InputHTMLAttributes, type KeyboardEvent } from "react";
import { parseNumber } from "./paste-rows";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  readonly value: unknown;
  readonly onValueChange: (value: number | string | null) => void;
  /** Decimals shown when the value comes from outside (load, paste); typing is never reformatted. */
  readonly decimals?: number;
  /** Arrow up/down change the value by this step (not in grid cells, where arrows move between rows). */
  readonly arrowStep?: number;
};

/**
 * A number box that keeps what the user types. The draft gets a number when the text reads as one
 * (a decimal comma too), null when empty, and the text itself otherwise, so that validation says
 * "must be a number" as you type instead of the box silently refusing keys.
 */
export function NumberInput({ value, onValueChange, decimals, arrowStep, onKeyDown, ...rest }: Props) {
  const [text, setText] = useState(() => format(value, decimals));
  const [shown, setShown] = useState<unknown>(value);
  // The value changed from outside (a load, a paste, a row moved): show it, unless the text already
  // reads as it ("1." while typing 1.5 must stay).
  if (!Object.is(value, shown)) {
    setShown(value);
    if (!Object.is(parseNumber(text), value)) setText(format(value, decimals));
  }

  const change = (next: string) => {
    const parsed = parseNumber(next);
    setText(next);
    setShown(parsed);
    onValueChange(parsed);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || !arrowStep || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const current = typeof value === "number" ? value : 0;
    const next = current + (event.key === "ArrowUp" ? arrowStep : -arrowStep);
    event.preventDefault();
    change(String(Number(next.toPrecision(12))));
  };

  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(event) => change(event.target.value)}
      onKeyDown={keyDown}
    />
  );
}

function format(value: unknown, decimals: number | undefined): string {
  if (typeof value === "number") return decimals === undefined ? String(value) : value.toFixed(decimals);
  if (typeof value === "string") return value;
  return "";
}
