import type { Duration } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in milliseconds. A day is 24 hours: due times are not calendar-aware. */
export function durationMs(duration: Duration): number {
  const { days = 0, hours = 0, minutes = 0, seconds = 0 } = duration;
  return days * DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;
}

export function addDuration(date: Date, duration: Duration): Date {
  return new Date(date.getTime() + durationMs(duration));
}
