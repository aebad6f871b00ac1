"use client";

import { useSyncExternalStore } from "react";
import { formatTime } from "@/components/inbox/format";

const never = () => () => {};

/**
 * The zone dates are shown in: UTC while the server renders and the browser hydrates (both must
 * print the same text), the browser's own zone from the render after. One hook for a whole list.
 */
export function useTimeZone(): "local" | "UTC" {
  return useSyncExternalStore(
    never,
    () => "local",
    () => "UTC",
  );
}

/** A date in the reader's zone, for server components. */
export function LocalTime({ iso }: { iso: string | null }) {
  const zone = useTimeZone();
  return iso ? <time dateTime={iso}>{formatTime(iso, zone)}</time> : <>—</>;
}
