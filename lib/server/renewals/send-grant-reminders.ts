import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { localizedNotice } from "@/lib/server/notifications/notify";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins, notifyPartnerUsers } from "@/lib/server/notifications";
import { SYSTEM_ACTOR } from "@/lib/server/audit/actor";
import { dateText, ledgerLabel } from "@/lib/server/notifications/describe";
import { daysLeft, dueReminder, REMINDER_DAYS, type ReminderDays } from "@/lib/lifecycle/reminders";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

export interface ReminderSent {
  grantId: string;
  reminder: ReminderDays;
  daysLeft: number;
}

/**
 * M8: tells the merchant's admins and the partner that a grant ends soon: 14 and 3 days before its end date,
 * each once (LedgerGrant.lastReminderDays records the last one sent). Each grant is updated in its own
 * transaction with its audit event and notifications; the update is conditional on the value read, so two
 * overlapping runs cannot send the same reminder twice.
 */
export async function sendGrantReminders(now: Date = new Date()): Promise<ReminderSent[]> {
  const today = todayPortalDate(now);
  const horizon = Math.max(...REMINDER_DAYS);
  const candidates = await db.ledgerGrant.findMany({
    where: {
      status: "active",
      validUntil: { gte: ledgerDateToDb(today), lte: ledgerDateToDb(shiftLedgerDate(today, horizon)) },
      partner: { status: { not: "suspended" } },
    },
    orderBy: { validUntil: "asc" },
    select: {
      id: true,
      merchantId: true,
      partnerId: true,
      validUntil: true,
      lastReminderDays: true,
      merchant: { select: { name: true } },
      partner: { select: { name: true } },
      ledger: { select: { externalId: true, salesUnits: { select: { name: true }, orderBy: { name: "asc" } } } },
    },
  });
  await clearObsoleteReminders(today, horizon);
  const sent: ReminderSent[] = [];
  for (const g of candidates) {
    const validUntil = dbDateToLedgerDate(g.validUntil!);
    const left = daysLeft(validUntil, today);
    const reminder = dueReminder(left, g.lastReminderDays);
    if (reminder === null) continue;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.ledgerGrant.updateMany({
        where: { id: g.id, status: "active", lastReminderDays: g.lastReminderDays },
        data: { lastReminderDays: reminder },
      });
      if (count === 0) return false;
      await appendAuditEvent(tx, {
        ...SYSTEM_ACTOR,
        action: "grant.reminder_sent",
        merchantId: g.merchantId,
        partnerId: g.partnerId,
        targetType: "LedgerGrant",
        targetId: g.id,
        before: { lastReminderDays: g.lastReminderDays, validUntil },
        after: { lastReminderDays: reminder, validUntil, daysLeft: left },
      });
      // Each reader gets the reminder in their own language (dates included).
      const text = (who: "Merchant" | "Partner") => (locale: AppLocale) => {
        const t = serverTranslator("lifecycleNotices", locale);
        const values = { partner: g.partner.name, merchant: g.merchant.name, ledger: ledgerLabel(g.ledger), date: dateText(validUntil, locale), days: left };
        return { title: t(`reminder${who}Title`, values), body: t(`reminder${who}Body`, values) };
      };
      await notifyMerchantAdmins(tx, g.merchantId, localizedNotice("grant.ending_soon", "/merchant/requests/renewals", text("Merchant")));
      await notifyPartnerUsers(tx, g.partnerId, localizedNotice("grant.ending_soon", "/partner/clients", text("Partner")), { merchantId: g.merchantId });
      return true;
    });
    if (done) sent.push({ grantId: g.id, reminder, daysLeft: left });
  }
  return sent;
}

/**
 * A reminder belongs to the end date it announced. When that end moved out of the reminder window (a renewal,
 * or a change of the end date on the partners page), the marker is cleared so the new end date gets its own
 * 14- and 3-day reminders. Audited like every change.
 */
async function clearObsoleteReminders(today: string, horizon: number): Promise<void> {
  const stale = await db.ledgerGrant.findMany({
    where: {
      lastReminderDays: { not: null },
      OR: [{ validUntil: null }, { validUntil: { gt: ledgerDateToDb(shiftLedgerDate(today, horizon)) } }],
    },
    select: { id: true, merchantId: true, partnerId: true, lastReminderDays: true, validUntil: true },
  });
  for (const g of stale) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.ledgerGrant.updateMany({ where: { id: g.id, lastReminderDays: g.lastReminderDays }, data: { lastReminderDays: null } });
      if (count === 0) return;
      const validUntil = g.validUntil ? dbDateToLedgerDate(g.validUntil) : null;
      await appendAuditEvent(tx, {
        ...SYSTEM_ACTOR,
        action: "grant.reminders_reset",
        merchantId: g.merchantId,
        partnerId: g.partnerId,
        targetType: "LedgerGrant",
        targetId: g.id,
        before: { lastReminderDays: g.lastReminderDays, validUntil },
        after: { lastReminderDays: null, validUntil },
      });
    });
  }
}
