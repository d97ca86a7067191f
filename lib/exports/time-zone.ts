import { TZDate } from "@date-fns/tz";

/** Time zones an export may show entry times in. Ledger dates always stay the ledger's own dates. */
export const EXPORT_TIME_ZONES = ["Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Stockholm", "UTC"] as const;
export type ExportTimeZone = (typeof EXPORT_TIME_ZONES)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Formats instants in one time zone quickly (an export formats a million of them): the zone's offset is looked
 * up once per hour of UTC (offsets change only on whole or half hours, and never twice within one hour).
 */
export class ZonedClock {
  private readonly offsets = new Map<number, number>();
  constructor(readonly timeZone: ExportTimeZone) {}

  /** Minutes east of UTC at that instant. */
  offsetMinutes(ms: number): number {
    const hour = Math.floor(ms / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = this.timeZone === "UTC" ? 0 : -new TZDate(ms, this.timeZone).getTimezoneOffset();
      if (this.offsets.size > 10_000) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** The wall-clock time there, as a Date whose UTC fields are that wall clock (what a spreadsheet cell shows). */
  wallClock(ms: number): Date {
    return new Date(ms + this.offsetMinutes(ms) * 60_000);
  }

  /** ISO 8601 with the zone's offset, e.g. 2026-11-03T14:22:05.120+01:00. */
  iso(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const w = new Date(ms + offset * 60_000);
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    const zone = offset === 0 && this.timeZone === "UTC" ? "Z" : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}${zone}`;
  }
}
