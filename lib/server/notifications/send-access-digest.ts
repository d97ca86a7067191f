import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins } from "@/lib/server/notifications";
import { SYSTEM_ACTOR } from "@/lib/server/audit/actor";
import { dateText as dateTextIn } from "@/lib/server/notifications/describe";
import { formatMonth } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

export interface DigestPartner {
  name: string;
  orgNo: string;
  ledgers: { externalId: string; currency: string; salesUnits: string[]; periodFrom: string | null; periodTo: string | null; includesPersonalData: boolean; validUntil: string | null; pending: boolean }[];
  people: { name: string; role: "owner" | "accountant" }[];
  lastUsedAt: Date | null;
}

export interface MerchantDigest {
  merchantId: string;
  merchantName: string;
  month: string;
  partners: DigestPartner[];
  title: string;
  body: string;
}

/**
 * M8: who can see a merchant's settlements, as it stands: every partner with a live grant (active and not
 * past its end date, or waiting for approval), each grant's scope, the named people there who can read it
 * (owners; accountants assigned to this merchant) and when the partner last used it.
 */
export async function buildMerchantDigest(merchantId: string, now: Date): Promise<MerchantDigest> {
  const today = todayPortalDate(now);
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { id: true, name: true } });
  const grants = await db.ledgerGrant.findMany({
    where: {
      merchantId,
      OR: [{ status: "pending_approval" }, { status: "active", OR: [{ validUntil: null }, { validUntil: { gte: ledgerDateToDb(today) } }] }],
    },
    orderBy: [{ partner: { name: "asc" } }, { ledger: { externalId: "asc" } }],
    select: {
      status: true,
      periodFrom: true,
      periodTo: true,
      includesPersonalData: true,
      validUntil: true,
      lastUsedAt: true,
      partnerId: true,
      partner: { select: { name: true, orgNo: true } },
      ledger: { select: { externalId: true, currency: true, salesUnits: { select: { name: true, msn: true }, orderBy: { name: "asc" } } } },
    },
  });
  const partnerIds = [...new Set(grants.map((g) => g.partnerId))];
  const [people, lastEvents] = await Promise.all([
    db.partnerMembership.findMany({
      where: { partnerId: { in: partnerIds }, OR: [{ role: "owner" }, { role: "accountant", assignments: { some: { merchantId } } }] },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      select: { partnerId: true, role: true, user: { select: { name: true, email: true } } },
    }),
    db.ledgerAccessEvent.groupBy({ by: ["partnerId"], where: { merchantId, partnerId: { in: partnerIds } }, _max: { at: true } }),
  ]);
  const lastEvent = new Map(lastEvents.map((e) => [e.partnerId, e._max.at]));
  const partners = new Map<string, DigestPartner>();
  for (const g of grants) {
    const p = partners.get(g.partnerId) ?? { name: g.partner.name, orgNo: g.partner.orgNo, ledgers: [], people: [], lastUsedAt: lastEvent.get(g.partnerId) ?? null };
    p.ledgers.push({
      externalId: g.ledger.externalId,
      currency: g.ledger.currency,
      salesUnits: g.ledger.salesUnits.map((s) => `${s.name} (${s.msn})`),
      periodFrom: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null,
      periodTo: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null,
      includesPersonalData: g.includesPersonalData,
      validUntil: g.validUntil ? dbDateToLedgerDate(g.validUntil) : null,
      pending: g.status === "pending_approval",
    });
    if (g.lastUsedAt && (!p.lastUsedAt || g.lastUsedAt > p.lastUsedAt)) p.lastUsedAt = g.lastUsedAt;
    partners.set(g.partnerId, p);
  }
  for (const m of people) partners.get(m.partnerId)?.people.push({ name: m.user.name ?? m.user.email, role: m.role });
  const list = [...partners.values()];
  const month = today.slice(0, 7);
  return { merchantId, merchantName: merchant.name, month, partners: list, ...digestText(merchant.name, month, list) };
}

/** The digest as text: a short first paragraph (what the bell shows), then one block per partner. */
export function digestText(merchantName: string, month: string, partners: DigestPartner[], locale: AppLocale = "en"): { title: string; body: string } {
  const t = serverTranslator("lifecycleNotices", locale);
  const dateText = (date: string) => dateTextIn(date, locale);
  const monthName = formatMonth(month, locale);
  const lines: string[] = [t("digestIntro", { count: partners.length, merchant: merchantName, partners: partners.map((p) => p.name).join(", ") })];
  for (const p of partners) {
    lines.push("", t("digestPartner", { partner: p.name, orgNo: p.orgNo }));
    for (const l of p.ledgers) {
      const period =
        l.periodFrom && l.periodTo ? t("digestPeriodBetween", { from: dateText(l.periodFrom), to: dateText(l.periodTo) })
        : l.periodFrom ? t("digestPeriodFrom", { from: dateText(l.periodFrom) })
        : l.periodTo ? t("digestPeriodUntil", { to: dateText(l.periodTo) })
        : t("digestPeriodAll");
      lines.push(
        t("digestLedger", {
          ledger: l.externalId,
          currency: l.currency,
          salesUnits: l.salesUnits.join(", "),
          period,
          data: l.includesPersonalData ? t("digestPersonalData") : t("digestNoPersonalData"),
          end: l.validUntil ? t("digestEnds", { date: dateText(l.validUntil) }) : t("digestNoEnd"),
          pending: l.pending ? "yes" : "no",
        }),
      );
    }
    lines.push(p.people.length > 0 ? t("digestPeople", { people: p.people.map((x) => t("digestPerson", { name: x.name, role: x.role })).join(", ") }) : t("digestNoPeople"));
    lines.push(p.lastUsedAt ? t("digestLastUse", { date: dateText(todayPortalDate(p.lastUsedAt)) }) : t("digestNeverUsed"));
  }
  lines.push("", t("digestOutro"));
  return { title: t("digestTitle", { merchant: merchantName, month: monthName }), body: lines.join("\n") };
}

/**
 * The monthly run: one digest per merchant to its admins (notification + e-mail), at most once per merchant
 * and month. The audit event that records the sending is also the marker a retried run checks.
 */
export async function sendAccessDigests(now: Date = new Date()): Promise<MerchantDigest[]> {
  const month = todayPortalDate(now).slice(0, 7);
  const merchants = await db.merchant.findMany({
    where: { memberships: { some: { role: "admin" } } },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  const sent: MerchantDigest[] = [];
  for (const m of merchants) {
    const already = await db.auditEvent.findFirst({
      where: { action: "merchant.access_digest_sent", targetType: "Merchant", targetId: m.id, after: { path: ["month"], equals: month } },
      select: { id: true },
    });
    if (already) continue;
    const digest = await buildMerchantDigest(m.id, now);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`digest:${m.id}:${month}`}))`;
      const raced = await tx.auditEvent.findFirst({
        where: { action: "merchant.access_digest_sent", targetType: "Merchant", targetId: m.id, after: { path: ["month"], equals: month } },
        select: { id: true },
      });
      if (raced) return;
      const recipients = await notifyMerchantAdmins(tx, m.id, {
        kind: "digest.monthly", title: digest.title, body: digest.body, href: "/merchant/partner-staff",
        render: (locale) => digestText(digest.merchantName, digest.month, digest.partners, locale),
      });
      await appendAuditEvent(tx, {
        ...SYSTEM_ACTOR,
        action: "merchant.access_digest_sent",
        merchantId: m.id,
        partnerId: null,
        targetType: "Merchant",
        targetId: m.id,
        before: null,
        after: { month, recipients, partners: digest.partners.map((p) => p.orgNo) },
      });
      sent.push(digest);
    });
  }
  return sent;
}
