"use client";

import { useEffect, useState } from "react";

/**
 * The value once it has stopped changing for `delay` ms: the first value at
 * once, then each later one only after a pause. Compare by a string (a stable
 * JSON), so a re-render with an equal value is not a change.
 */
export function useSettledValue(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}
