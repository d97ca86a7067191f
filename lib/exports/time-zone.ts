import { TZDate } from "@date-fns/tz";

/** Time zones an export may show entry times in. Ledger dates always stay the ledger's own dates. */
export const EXPORT_TIME_ZONES = ["Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Stockholm", "UTC"] as const;
export type ExportTimeZone = (typeof EXPORT_TIME_ZONES)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const TWO = Array.from({ length: 100 }, (_, i) => pad(i));
const THREE = Array.from({ length: 1000 }, (_, i) => pad(i, 3));
const DAY_MS = 86_400_000;

/**
 * Formats instants in one time zone quickly (an export formats a million of them): the zone's offset is looked
 * up once per hour of UTC (offsets change only on whole or half hours, and never twice within one hour), and the
 * calendar date once per day. No Date is made per instant: inside the server, Date is Next.js's wrapped class,
 * and one per row made the time column cost several times what it costs in plain Node.
 */
export class ZonedClock {
  private readonly offsets = new Map<number, number>();
  private day = Number.NaN;
  private dayPrefix = "";
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
    const local = ms + offset * 60_000;
    const day = Math.floor(local / DAY_MS);
    if (day !== this.day) {
      // Rows come in time order: the date's text is made once per day (toISOString gives YYYY-MM-DDT…).
      this.day = day;
      this.dayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    let rest = local - day * DAY_MS;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    return `${this.dayPrefix}${TWO[h]}:${TWO[m]}:${TWO[s]}.${THREE[rest - s * 1000]}${zoneSuffix(offset, this.timeZone)}`;
  }
}

const suffixes = new Map<number, string>();
function zoneSuffix(offset: number, timeZone: ExportTimeZone): string {
  if (offset === 0 && timeZone === "UTC") return "Z";
  let text = suffixes.get(offset);
  if (text === undefined) {
    const abs = Math.abs(offset);
    text = `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    suffixes.set(offset, text);
  }
  return text;
}
