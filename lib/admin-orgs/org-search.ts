import { z } from "zod";

/**
 * The admin console's merchant and partner filters search on the server instead of listing every organisation
 * (10,000 merchants would be megabytes of <option>s on every page). Pure: the route and its tests parse alike.
 */
export const ORG_KINDS = ["merchant", "partner"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** At most this many matches come back; the person narrows the search for more. */
export const ORG_SEARCH_LIMIT = 20;

export interface OrgChoice {
  id: string;
  name: string;
  orgNo: string;
}

export const orgSearchSchema = z.object({
  kind: z.enum(ORG_KINDS),
  // A name (contains, any case) or an organisation number (starts with, spaces and dots ignored); empty lists the first by name.
  q: z
    .string()
    .trim()
    .max(100)
    .refine((s) => !/\p{Cc}/u.test(s))
    .default(""),
});

/** The digits of an organisation number as typed ("913 456 789" → "913456789"), or null when it is not one. */
export function orgNoDigits(q: string): string | null {
  const digits = q.replace(/[\s.\-]/g, "");
  return /^\d{2,20}$/.test(digits) ? digits : null;
}
