import { z } from "zod";
import { formError } from "@/lib/validation/form-errors";

/**
 * The accounts a voucher journal posts to (P4), one per role, set once per client by the partner. Pure: shared by
 * the settings form, the action's schema, the posting rules and the tests. docs/journal.md explains each role
 * and why each default was chosen; decision 022 records the choices.
 */
export const ACCOUNT_ROLES = ["bank", "clearing", "sales", "refunds", "fees", "feeLiability", "feesPayable", "suspense"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type JournalAccounts = Record<AccountRole, string>;

export type ChartId = "NS4102" | "DK-STANDARD";

export interface Chart {
  id: ChartId;
  accounts: JournalAccounts;
  /** Shown on the settings page next to the defaults (catalogue key under journal.charts). */
  labelKey: "ns4102" | "dkStandard" | "ns4102ForFinland";
}

/**
 * Norwegian Standard NS 4102: 1920 Bankinnskudd; 1570 Andre kortsiktige fordringer (Vipps MobilePay holds the money
 * for the merchant until the payout: a short-term receivable, neither a bank account nor a customer ledger);
 * 3000 Salgsinntekt, avgiftspliktig (refunds reduce the same account); 7770 Bank- og kortgebyrer (payment fees,
 * rather than the catch-all 7790); 2990 Annen kortsiktig gjeld (fees charged but not yet retained or invoiced);
 * 2400 Leverandørgjeld (fees settled by invoice); 1579, a sub-account of 157x, for what needs a person's review.
 */
const NS4102: JournalAccounts = {
  bank: "1920",
  clearing: "1570",
  sales: "3000",
  refunds: "3000",
  fees: "7770",
  feeLiability: "2990",
  feesPayable: "2400",
  suspense: "1579",
};

/**
 * The Danish public standard chart (fælles offentlig standardkontoplan, Erhvervsstyrelsen and Skattestyrelsen):
 * 1010 Salg af varer og ydelser; 2390 Porto og gebyrer; 6330 Øvrige tilgodehavender (kortfristede) as the
 * settlement receivable; 8040 Øvrig anden gæld; 7440 Leverandører af varer og tjenesteydelser; 6460 as a
 * placeholder for the bank (bank accounts are numbered per client: set the client's own); 6340 for review items.
 */
const DK_STANDARD: JournalAccounts = {
  bank: "6460",
  clearing: "6330",
  sales: "1010",
  refunds: "1010",
  fees: "2390",
  feeLiability: "8040",
  feesPayable: "7440",
  suspense: "6340",
};

/**
 * The default chart for a ledger: by currency (the ledger's own), NOK → NS 4102, DKK → the Danish standard chart.
 * EUR (Finland): Finland has no standard chart every system follows (each Finnish system ships its own
 * tililuettelo), so the NS 4102 numbers are offered as a starting point with a note to replace them.
 */
export function defaultChartFor(currency: string): Chart {
  if (currency === "DKK") return { id: "DK-STANDARD", accounts: { ...DK_STANDARD }, labelKey: "dkStandard" };
  if (currency === "EUR") return { id: "NS4102", accounts: { ...NS4102 }, labelKey: "ns4102ForFinland" };
  return { id: "NS4102", accounts: { ...NS4102 }, labelKey: "ns4102" };
}

export const CHARTS: Record<ChartId, JournalAccounts> = { NS4102, "DK-STANDARD": DK_STANDARD };

/**
 * An account number as bookkeeping systems take them: 1 to 12 letters, digits or dots, starting with a letter or
 * digit (never a sign or "=", so a spreadsheet cannot read it as a formula).
 */
export const ACCOUNT_NUMBER = /^[0-9A-Za-z][0-9A-Za-z.]{0,11}$/;

const accountField = z
  .string({ error: formError("accountRequired") })
  .trim()
  .min(1, { error: formError("accountRequired") })
  .max(12, { error: formError("accountTooLong", { max: 12 }), abort: true })
  .regex(ACCOUNT_NUMBER, { error: formError("accountCharacters") });

export const journalAccountsSchema = z.object(Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, accountField])) as Record<AccountRole, typeof accountField>).strict();
