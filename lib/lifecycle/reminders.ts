import { differenceInCalendarDays, parseISO } from "date-fns";

/** M8: reminders go out this many days before a grant ends, each once. */
export const REMINDER_DAYS = [14, 3] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/** Calendar days from `today` to the grant's last day (0: it ends today; negative: it has ended). */
export function daysLeft(validUntil: string, today: string): number {
  return differenceInCalendarDays(parseISO(validUntil), parseISO(today));
}

/**
 * Which reminder is due, given the days left and the last reminder sent (LedgerGrant.lastReminderDays).
 * A daily job that missed a day still sends each reminder once: the 14-day one anywhere in 4..14 days, the
 * 3-day one anywhere in 0..3 days. A grant created with 10 days left gets the 14-day reminder at once; one
 * with 2 days left only the 3-day one. A renewal clears lastReminderDays, so the cycle starts again.
 */
export function dueReminder(left: number, lastReminderDays: number | null): ReminderDays | null {
  if (left < 0) return null;
  const last = lastReminderDays ?? Number.POSITIVE_INFINITY;
  for (const threshold of [...REMINDER_DAYS].sort((a, b) => a - b)) {
    if (left <= threshold) return last <= threshold ? null : threshold;
  }
  return null;
}
