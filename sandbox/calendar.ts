/**
 * Ledger dates are plain `YYYY-MM-DD` strings in the merchant's time zone. Arithmetic goes through UTC
 * midnights so it never depends on the machine's own zone.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in strict `YYYY-MM-DD` form (rejects 2024-13-45, 2024-02-30, 2024-1-5). */
export function isValidDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function dateToUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** 1–12. */
export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a zone. */
function wallClock(timeZone: string, ms: number): { date: string; msSinceUtcEpochAsWall: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, msSinceUtcEpochAsWall: wall };
}

/** The calendar date of an instant in a zone (e.g. "today in Europe/Oslo"). */
export function dateInZone(timeZone: string, ms: number): string {
  return utcMsToDate(ms + zoneOffsetMs(timeZone, ms));
}

/**
 * The Nordic zones follow the EU summer-time rule (since 1996): summer time from the last Sunday of March to the
 * last Sunday of October, switching at 01:00 UTC. Computed directly because Intl is slow when asked about
 * thousands of different dates, which the generator does; other zones go through Intl.
 */
const EU_STANDARD_OFFSET_HOURS: Record<string, number> = { "Europe/Oslo": 1, "Europe/Copenhagen": 1, "Europe/Helsinki": 2, "Europe/Stockholm": 1 };
const summerCache = new Map<number, [number, number]>();

function lastSundayUtcMs(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay());
}

function euSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  let span = summerCache.get(year);
  if (!span) {
    span = [lastSundayUtcMs(year, 2) + 3_600_000, lastSundayUtcMs(year, 9) + 3_600_000];
    summerCache.set(year, span);
  }
  return ms >= span[0] && ms < span[1];
}

/** Offset of the zone from UTC at an instant, in ms (Oslo in summer: +7_200_000). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const standard = EU_STANDARD_OFFSET_HOURS[timeZone];
  if (standard !== undefined) return (standard + (euSummerTime(ms) ? 1 : 0)) * 3_600_000;
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(timeZone, whole).msSinceUtcEpochAsWall - whole;
}

/** The same through Intl only; the tests hold the fast path to it. */
export function zoneOffsetMsViaIntl(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(timeZone, whole).msSinceUtcEpochAsWall - whole;
}

const midnightCache = new Map<string, number>();

/** The UTC instant at which a local date starts in a zone (handles DST days of 23 and 25 hours). */
export function localMidnightUtcMs(timeZone: string, date: string): number {
  const key = `${timeZone}|${date}`;
  const cached = midnightCache.get(key);
  if (cached !== undefined) return cached;
  const wall = dateToUtcMs(date);
  let guess = wall - zoneOffsetMs(timeZone, wall);
  guess = wall - zoneOffsetMs(timeZone, guess);
  midnightCache.set(key, guess);
  return guess;
}

/** Length of a local date in ms: 24 h, or 23/25 h on DST changes. */
export function localDayLengthMs(timeZone: string, date: string): number {
  return localMidnightUtcMs(timeZone, addDays(date, 1)) - localMidnightUtcMs(timeZone, date);
}

const utcDayCache = new Map<number, string>();
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * ISO UTC with microseconds, the way the Report API writes `time`: 2024-05-01T08:12:33.123456Z.
 * Hand-rolled (with the date part cached) because it runs for every generated entry.
 */
export function isoMicros(ms: number, micros: number): string {
  const day = Math.floor(ms / DAY_MS);
  let datePart = utcDayCache.get(day);
  if (datePart === undefined) {
    datePart = utcMsToDate(day * DAY_MS);
    utcDayCache.set(day, datePart);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${datePart}T${two(h)}:${two(m)}:${two(s)}.${three(rest - s * 1000)}${three(micros)}Z`;
}
