/**
 * The pages the HTTP benchmark loads, each as the person who would open it. Add a page here (one line) when a
 * persona gets a new overview or list. Ids in paths are looked up in the seeded demo world.
 */
import { shiftLedgerDate, todayPortalDate } from "../../lib/dates";
import { sessionCookieFor, type Stack } from "./stack";

export type PersonaKey = "merchant" | "partner" | "admin";

export interface BenchPage {
  label: string;
  path: string;
  persona: PersonaKey;
  /** The persona's first page (its JavaScript is measured). */
  main?: boolean;
  /** Ledger ranges: cached before measuring (the first view fetches and stores the dates). */
  warm?: boolean;
}

export const PEOPLE: Record<PersonaKey, { email: string; org?: (stack: Stack) => Promise<string> }> = {
  // Kari is admin of Fjord Kaffe and viewer at Nordlys Sport: the active-organisation cookie chooses Fjord Kaffe,
  // the merchant the synthetic seed gives 200 partners, 2,000 requests and 5,000 access-log events.
  merchant: { email: "kari@fjordkaffe.example", org: async (s) => `m:${await idOf(s, `SELECT id FROM "Merchant" WHERE slug = 'fjord-kaffe'`)}` },
  partner: { email: "per@tallbalanse.example" },
  admin: { email: "admin@portal.example" },
};

async function idOf(stack: Stack, sql: string): Promise<string> {
  const rows = await stack.query<{ id: string }>(sql);
  if (!rows[0]) throw new Error(`nothing found for ${sql}`);
  return rows[0].id;
}

export async function cookiesFor(stack: Stack): Promise<Record<PersonaKey, string>> {
  const out = {} as Record<PersonaKey, string>;
  for (const [key, person] of Object.entries(PEOPLE) as [PersonaKey, (typeof PEOPLE)[PersonaKey]][]) {
    out[key] = await sessionCookieFor(stack, person.email, person.org ? await person.org(stack) : undefined);
  }
  return out;
}

/** Ledger 302101 (Fjord Kaffe, granted to Tall & Balanse) over 1, 7 and 30 closed dates ending the day before yesterday. */
export function ledgerRanges(today = todayPortalDate()): { days: number; path: string }[] {
  const to = shiftLedgerDate(today, -2);
  return [1, 7, 30].map((days) => ({ days, path: `/partner/ledgers/302101?from=${shiftLedgerDate(to, -(days - 1))}&to=${to}` }));
}

export async function benchPages(stack: Stack): Promise<BenchPage[]> {
  const fjord = await idOf(stack, `SELECT id FROM "Merchant" WHERE slug = 'fjord-kaffe'`);
  const salesUnit = await idOf(stack, `SELECT id FROM "SalesUnit" WHERE msn = '212001'`);
  const grant = await idOf(stack, `SELECT g.id FROM "LedgerGrant" g JOIN "Ledger" l ON l.id = g."ledgerId" WHERE l."externalId" = '302101' ORDER BY g."createdAt" LIMIT 1`);
  const tallBalanse = await idOf(stack, `SELECT id FROM "AccountingPartner" WHERE slug = 'tall-og-balanse'`);
  const deepCursor = Buffer.from(JSON.stringify({ v: shiftLedgerDate(todayPortalDate(), 366), id: "00000000-0000-4000-8000-000000000000" })).toString("base64url");
  return [
    ...ledgerRanges().map((r) => ({ label: `ledger view, ${r.days} cached date${r.days > 1 ? "s" : ""}`, path: r.path, persona: "partner" as const, warm: true, main: r.days === 7 })),
    { label: "partner: clients", path: "/partner/clients", persona: "partner", main: true },
    { label: "partner: a client", path: `/partner/clients/${fjord}`, persona: "partner" },
    { label: "partner: requests", path: "/partner/requests", persona: "partner" },
    { label: "partner: staff", path: "/partner/staff", persona: "partner" },
    { label: "partner: notifications", path: "/partner/notifications", persona: "partner" },
    { label: "partner: keys", path: "/partner/keys", persona: "partner" },
    { label: "merchant: partners", path: "/merchant/partners", persona: "merchant", main: true },
    { label: "merchant: a grant", path: `/merchant/partners/grants/${grant}`, persona: "merchant" },
    { label: "merchant: requests", path: "/merchant/requests", persona: "merchant" },
    { label: "merchant: renewals", path: "/merchant/requests/renewals", persona: "merchant" },
    { label: "merchant: approvals", path: "/merchant/approvals", persona: "merchant" },
    { label: "merchant: partner staff", path: "/merchant/partner-staff", persona: "merchant" },
    { label: "merchant: access log", path: "/merchant/access-log", persona: "merchant" },
    { label: "merchant: notifications", path: "/merchant/notifications", persona: "merchant" },
    { label: "merchant: ledgers", path: "/merchant/ledger", persona: "merchant" },
    { label: "merchant: a sales unit", path: `/merchant/sales-units/${salesUnit}`, persona: "merchant" },
    { label: "merchant: keys", path: "/merchant/keys", persona: "merchant" },
    { label: "admin: access", path: "/admin/access", persona: "admin", main: true },
    { label: "admin: access, one partner with personal data", path: `/admin/access?partner=${tallBalanse}&personal=1`, persona: "admin" },
    // A deep keyset position: grants ending more than a year from now, by end date (at synthetic size, tens of
    // thousands of rows before it).
    { label: "admin: access, deep page (ending > 1 year)", path: `/admin/access?sort=ending&after=${deepCursor}`, persona: "admin" },
    { label: "admin: partners", path: "/admin/partners", persona: "admin" },
    { label: "admin: reconciliation", path: "/admin/reconciliation", persona: "admin" },
    { label: "admin: audit trail", path: "/admin/audit", persona: "admin" },
  ];
}
