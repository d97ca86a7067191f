import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors/app-error";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { getClient } from "@/lib/server/partner-clients/list-clients";
import { ACCOUNT_ROLES, defaultChartFor, type Chart, type JournalAccounts } from "@/lib/journal/accounts";
import { personActor } from "@/lib/server/audit/actor";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

/**
 * P4: the accounts one partner posts one client's settlements to. Read and written only for a client the session
 * may see (the owner: every client with an active grant; an accountant: assigned clients only), so the tenant
 * is ctx.partnerId and the merchant one of its clients; anything else is NOT_FOUND, like the client page.
 */

export interface ClientJournalAccounts {
  merchantId: string;
  merchantName: string;
  /** The chart the defaults come from (by the client's ledger currency). */
  chart: Chart;
  accounts: JournalAccounts;
  /** False while the defaults apply (nothing saved yet). */
  saved: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

const COLUMNS = {
  bank: "bankAccount",
  clearing: "clearingAccount",
  sales: "salesAccount",
  refunds: "refundsAccount",
  fees: "feesAccount",
  feeLiability: "feeLiabilityAccount",
  feesPayable: "feesPayableAccount",
  suspense: "suspenseAccount",
} as const satisfies Record<keyof JournalAccounts, string>;

type Row = Record<(typeof COLUMNS)[keyof typeof COLUMNS], string>;

const toRow = (a: JournalAccounts): Row => Object.fromEntries(ACCOUNT_ROLES.map((r) => [COLUMNS[r], a[r]])) as Row;
const fromRow = (row: Row): JournalAccounts => Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, row[COLUMNS[r]]])) as JournalAccounts;

const COLUMN_SELECT = Object.fromEntries(Object.values(COLUMNS).map((c) => [c, true])) as Record<(typeof COLUMNS)[keyof typeof COLUMNS], true>;

const COUNTRY_CURRENCY: Record<string, string> = { NO: "NOK", DK: "DKK", FI: "EUR" };

/** The accounts for a journal of one ledger: the saved set of (partner, merchant), or the currency's defaults. */
export async function journalAccountsFor(partnerId: string, merchantId: string, currency: string): Promise<JournalAccounts> {
  const row = await db.journalAccountSettings.findUnique({ where: { partnerId_merchantId: { partnerId, merchantId } }, select: COLUMN_SELECT });
  return row ? fromRow(row) : defaultChartFor(currency).accounts;
}

/** The client's accounts for the settings page, or null (→ 404) for a merchant that is not this session's client. */
export async function getClientJournalAccounts(ctx: PartnerContext, merchantId: string): Promise<ClientJournalAccounts | null> {
  const client = await getClient(ctx, merchantId);
  if (!client) return null;
  const chart = defaultChartFor(client.ledgers[0]?.currency ?? COUNTRY_CURRENCY[client.country] ?? "NOK");
  const row = await db.journalAccountSettings.findUnique({
    where: { partnerId_merchantId: { partnerId: ctx.partnerId, merchantId: client.merchantId } },
    select: { ...COLUMN_SELECT, updatedAt: true, updatedBy: { select: { name: true, email: true } } },
  });
  return {
    merchantId: client.merchantId,
    merchantName: client.merchantName,
    chart,
    accounts: row ? fromRow(row) : chart.accounts,
    saved: Boolean(row),
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy ? (row.updatedBy.name ?? row.updatedBy.email) : null,
  };
}

/**
 * Saves the client's accounts and audits the change (before and after) in the same transaction. Saving the
 * same accounts again changes nothing and writes no event.
 */
export async function saveClientJournalAccounts(ctx: PartnerContext, merchantId: string, accounts: JournalAccounts): Promise<{ changed: boolean }> {
  const client = await getClient(ctx, merchantId);
  if (!client) throw new AppError("NOT_FOUND", serverErrors("notFound"));
  const where = { partnerId_merchantId: { partnerId: ctx.partnerId, merchantId: client.merchantId } };
  return db.$transaction(async (tx) => {
    const beforeRow = await tx.journalAccountSettings.findUnique({ where, select: { id: true, ...COLUMN_SELECT } });
    const before = beforeRow ? fromRow(beforeRow) : null;
    if (before && ACCOUNT_ROLES.every((r) => before[r] === accounts[r])) return { changed: false };
    const data = { ...toRow(accounts), updatedById: ctx.user.id, updatedAt: new Date() };
    const row = await tx.journalAccountSettings.upsert({
      where,
      update: data,
      create: { partnerId: ctx.partnerId, merchantId: client.merchantId, ...data },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: "journal.accounts.saved",
      merchantId: client.merchantId,
      partnerId: ctx.partnerId,
      targetType: "JournalAccountSettings",
      targetId: row.id,
      before,
      after: accounts,
    });
    return { changed: true };
  });
}
