/**
 * The demo world: one definition shared by the Report API sandbox (which serves its ledgers and accepts its
 * keys) and the portal's seed (which creates its organisations, users and grants). Keep it pure data: no
 * Next.js, no database, no I/O, so both sides can import it.
 *
 * Demo keys below are only accepted by the sandbox. They are not secrets.
 */

export type Currency = "NOK" | "DKK" | "EUR";
export type Country = "NO" | "DK" | "FI";

export interface WorldSalesUnit {
  msn: string;
  name: string;
  /** How the sales unit sells: API integration (MSN) or a Vippsnummer/MyShop (VM number). */
  channel: "api" | "vm";
  /** The recipient handle the Report API uses for it: `api:<msn>` or `<country>:<vm number>`. */
  recipientHandle: string;
  /**
   * Demo merchant keys for this sales unit (standard token flow). API sales units only: upstream gives
   * Vippsnummer / MobilePay-nummer (VM) units no API keys; their data is read through an accounting partner.
   */
  keys?: { clientId: string; clientSecret: string; subscriptionKey: string };
}

export interface WorldLedger {
  ledgerId: string;
  currency: Currency;
  /** MSNs of the sales units this ledger settles. More than one means merchant keys are denied. */
  salesUnitMsns: string[];
  payoutBankAccount: { scheme: string; id: string };
  /** Typical number of captures per ledger date (the generator varies it). */
  dailyCaptures: number;
  /** Net settlement retains fees daily; gross invoices them monthly. */
  settlement: "net" | "gross";
}

export interface WorldMerchant {
  slug: string;
  name: string;
  country: Country;
  orgNo: string;
  /** Report API owner scheme for this country. */
  ownerScheme: "business:NO:ORG" | "business:DK:CVR" | "business:FI:Y-tunnus";
  salesUnits: WorldSalesUnit[];
  ledgers: WorldLedger[];
}

export interface WorldPartner {
  slug: string;
  name: string;
  orgNo: string;
  country: Country;
  status: "approved" | "pending" | "suspended";
  /** Demo accounting keys (specialized token flow). Absent for partners that never got keys. */
  keys?: { clientId: string; clientSecret: string };
}

export interface WorldGrant {
  merchantSlug: string;
  partnerSlug: string;
  ledgerId: string;
  includesPersonalData: boolean;
  /** Days relative to "today" for the grant's period and end; null = open. */
  periodFromDaysAgo: number | null;
  validForDays: number | null;
}

export type MerchantRole = "admin" | "manager" | "viewer";
export type PartnerRole = "owner" | "accountant";

export interface WorldUser {
  email: string;
  name: string;
  /** What the sign-in page says this demo user is for. */
  persona: string;
  platformAdmin?: boolean;
  merchantRoles?: { merchantSlug: string; role: MerchantRole; salesUnitMsns?: string[] }[];
  partnerRoles?: { partnerSlug: string; role: PartnerRole; assignedMerchantSlugs?: string[] }[];
}

function apiUnit(msn: string, name: string): WorldSalesUnit {
  return {
    msn,
    name,
    channel: "api",
    recipientHandle: `api:${msn}`,
    keys: { clientId: `demo-msn-${msn}`, clientSecret: `sandbox-secret-${msn}`, subscriptionKey: `sandbox-sub-${msn}` },
  };
}

/** A Vippsnummer / MobilePay-nummer (MyShop) sales unit: no API keys, as upstream. */
function vmUnit(msn: string, country: Country, vmNumber: string, name: string): WorldSalesUnit {
  return { msn, name, channel: "vm", recipientHandle: `${country}:${vmNumber}` };
}

export const MERCHANTS: WorldMerchant[] = [
  {
    slug: "fjord-kaffe",
    name: "Fjord Kaffe AS",
    country: "NO",
    orgNo: "912345678",
    ownerScheme: "business:NO:ORG",
    salesUnits: [
      apiUnit("212001", "Fjord Kaffe Grünerløkka"),
      apiUnit("212002", "Fjord Kaffe Grünerløkka Nettbutikk"),
      apiUnit("212003", "Fjord Kaffe Bryggen"),
      apiUnit("212004", "Fjord Kaffe Bryggen Kiosk"),
    ],
    ledgers: [
      { ledgerId: "302101", currency: "NOK", salesUnitMsns: ["212001"], payoutBankAccount: { scheme: "BBAN:NO", id: "86011117947" }, dailyCaptures: 40, settlement: "net" },
      { ledgerId: "302102", currency: "NOK", salesUnitMsns: ["212002"], payoutBankAccount: { scheme: "BBAN:NO", id: "86011117947" }, dailyCaptures: 25, settlement: "net" },
      // A legacy joint ledger (the 2023 pilot of several MSNs on one ledger): two API sales units, each with
      // keys of its own, settle here, so either's merchant keys are denied on it.
      { ledgerId: "302103", currency: "NOK", salesUnitMsns: ["212003", "212004"], payoutBankAccount: { scheme: "BBAN:NO", id: "15038812345" }, dailyCaptures: 30, settlement: "net" },
    ],
  },
  {
    slug: "nordlys-sport",
    name: "Nordlys Sport AS",
    country: "NO",
    orgNo: "923456789",
    ownerScheme: "business:NO:ORG",
    salesUnits: [apiUnit("223001", "Nordlys Sport Tromsø")],
    ledgers: [
      { ledgerId: "302201", currency: "NOK", salesUnitMsns: ["223001"], payoutBankAccount: { scheme: "BBAN:NO", id: "47850612345" }, dailyCaptures: 20, settlement: "gross" },
    ],
  },
  {
    slug: "hygge-bageri",
    name: "Hygge Bageri ApS",
    country: "DK",
    orgNo: "34567890",
    ownerScheme: "business:DK:CVR",
    salesUnits: [vmUnit("234001", "DK", "90601", "Hygge Bageri Nørrebro")],
    ledgers: [
      { ledgerId: "402301", currency: "DKK", salesUnitMsns: ["234001"], payoutBankAccount: { scheme: "BBAN:DK", id: "30000012345678" }, dailyCaptures: 35, settlement: "net" },
    ],
  },
  {
    slug: "sauna-oy",
    name: "Löyly Sauna Oy",
    country: "FI",
    orgNo: "1234567-8",
    ownerScheme: "business:FI:Y-tunnus",
    salesUnits: [apiUnit("245001", "Löyly Sauna Helsinki")],
    ledgers: [
      { ledgerId: "502401", currency: "EUR", salesUnitMsns: ["245001"], payoutBankAccount: { scheme: "IBAN:FI", id: "FI2112345600000785" }, dailyCaptures: 15, settlement: "net" },
    ],
  },
];

export const PARTNERS: WorldPartner[] = [
  { slug: "tall-og-balanse", name: "Tall & Balanse Regnskap AS", orgNo: "987654321", country: "NO", status: "approved", keys: { clientId: "demo-partner-987654321", clientSecret: "sandbox-partner-secret-987654321" } },
  { slug: "konto-partner", name: "Konto Partner ApS", orgNo: "41234567", country: "DK", status: "approved", keys: { clientId: "demo-partner-41234567", clientSecret: "sandbox-partner-secret-41234567" } },
  { slug: "kirjanpito", name: "Kirjanpito Kumppanit Oy", orgNo: "2345678-9", country: "FI", status: "approved", keys: { clientId: "demo-partner-2345678-9", clientSecret: "sandbox-partner-secret-2345678-9" } },
  { slug: "regnskapshjelpen", name: "Regnskapshjelpen AS", orgNo: "976543210", country: "NO", status: "pending" },
  { slug: "bokholderiet", name: "Bokholderiet AS", orgNo: "965432109", country: "NO", status: "suspended", keys: { clientId: "demo-partner-965432109", clientSecret: "sandbox-partner-secret-965432109" } },
];

/**
 * Grants at the first start. Tall & Balanse reads Fjord Kaffe's Grünerløkka ledger but not the webshop's
 * (same merchant, not granted: the cross-ledger 404 case), and Nordlys Sport's. Konto Partner reads the
 * Danish bakery with personal data.
 */
export const GRANTS: WorldGrant[] = [
  { merchantSlug: "fjord-kaffe", partnerSlug: "tall-og-balanse", ledgerId: "302101", includesPersonalData: false, periodFromDaysAgo: 365, validForDays: 180 },
  { merchantSlug: "nordlys-sport", partnerSlug: "tall-og-balanse", ledgerId: "302201", includesPersonalData: false, periodFromDaysAgo: 120, validForDays: 10 },
  { merchantSlug: "hygge-bageri", partnerSlug: "konto-partner", ledgerId: "402301", includesPersonalData: true, periodFromDaysAgo: null, validForDays: 365 },
];

export const USERS: WorldUser[] = [
  { email: "kari@fjordkaffe.example", name: "Kari Nordmann", persona: "Merchant admin (Fjord Kaffe; viewer at Nordlys Sport)", merchantRoles: [{ merchantSlug: "fjord-kaffe", role: "admin" }, { merchantSlug: "nordlys-sport", role: "viewer" }] },
  { email: "ola@fjordkaffe.example", name: "Ola Hansen", persona: "Second merchant admin (Fjord Kaffe, four-eyes approver)", merchantRoles: [{ merchantSlug: "fjord-kaffe", role: "admin" }] },
  { email: "mona@fjordkaffe.example", name: "Mona Berg", persona: "Merchant manager (Fjord Kaffe Grünerløkka only)", merchantRoles: [{ merchantSlug: "fjord-kaffe", role: "manager", salesUnitMsns: ["212001", "212002"] }] },
  { email: "vera@fjordkaffe.example", name: "Vera Lie", persona: "Merchant viewer (Fjord Kaffe)", merchantRoles: [{ merchantSlug: "fjord-kaffe", role: "viewer" }] },
  { email: "nils@nordlys.example", name: "Nils Pedersen", persona: "Merchant admin (Nordlys Sport)", merchantRoles: [{ merchantSlug: "nordlys-sport", role: "admin" }] },
  { email: "freja@hygge.example", name: "Freja Jensen", persona: "Merchant admin (Hygge Bageri, Denmark)", merchantRoles: [{ merchantSlug: "hygge-bageri", role: "admin" }] },
  { email: "per@tallbalanse.example", name: "Per Olsen", persona: "Partner owner (Tall & Balanse Regnskap)", partnerRoles: [{ partnerSlug: "tall-og-balanse", role: "owner" }] },
  { email: "anne@tallbalanse.example", name: "Anne Dahl", persona: "Partner accountant (Tall & Balanse, assigned Fjord Kaffe)", partnerRoles: [{ partnerSlug: "tall-og-balanse", role: "accountant", assignedMerchantSlugs: ["fjord-kaffe"] }] },
  { email: "mads@kontopartner.example", name: "Mads Nielsen", persona: "Partner owner (Konto Partner, Denmark)", partnerRoles: [{ partnerSlug: "konto-partner", role: "owner" }] },
  { email: "admin@portal.example", name: "Ingrid Admin", persona: "Platform admin", platformAdmin: true },
];

export function findLedger(ledgerId: string): { merchant: WorldMerchant; ledger: WorldLedger } | undefined {
  for (const merchant of MERCHANTS) {
    const ledger = merchant.ledgers.find((l) => l.ledgerId === ledgerId);
    if (ledger) return { merchant, ledger };
  }
  return undefined;
}

/** The ledger that settles a sales unit (by MSN), with its merchant. */
export function findLedgerForMsn(msn: string): { merchant: WorldMerchant; ledger: WorldLedger } | undefined {
  for (const merchant of MERCHANTS) {
    const ledger = merchant.ledgers.find((l) => l.salesUnitMsns.includes(msn));
    if (ledger) return { merchant, ledger };
  }
  return undefined;
}
