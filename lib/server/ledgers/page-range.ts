import "server-only";
import { defaultRange, dateRangeSchema, type DateRange } from "@/lib/ledgers/range";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The range a ledger page opens with: `?from=&to=` when they make a valid range, else the last week. Bad dates in
 * an address are a message on the page (never an error page), naming what was wrong.
 */
export function rangeFromSearchParams(searchParams: SearchParams, today: string): { range: DateRange; errors: string[] } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const from = first(searchParams.from);
  const to = first(searchParams.to);
  if (from === undefined && to === undefined) return { range: defaultRange(today), errors: [] };
  const parsed = dateRangeSchema.safeParse({ from: from ?? "", to: to ?? "" });
  if (parsed.success) return { range: parsed.data, errors: [] };
  // The schema's messages (formErrors keys, decision 042): the page says them in its reader's language.
  return { range: defaultRange(today), errors: [...new Set(parsed.error.issues.map((i) => i.message))] };
}
