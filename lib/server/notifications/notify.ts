import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

// E-mails are written once for every reader, in the portal's default language (users have no locale yet).
const mail = serverTranslator("grantMail");

/** One message to people: shown in the app (the bell) and sent by e-mail through the outbox. */
export interface NoticeInput {
  /** Machine-readable kind, e.g. "grant.granted", so the bell can group and filter. */
  kind: string;
  title: string;
  body: string;
  /** Where the in-app notification leads (a path inside the portal). */
  href?: string | null;
}

export interface NotifyOptions {
  /** Leave this user out (the person who made the change does not need to be told). */
  exceptUserId?: string | null;
  /** Do not queue e-mails, only in-app notifications. */
  inAppOnly?: boolean;
}

/**
 * Writes one in-app notification per user and one e-mail per user into the outbox, inside the caller's
 * transaction: the change and the news of it commit together, or neither does. The mail transport sends
 * the outbox afterwards. Returns the number of people told.
 */
export async function notifyUsers(
  tx: Prisma.TransactionClient,
  users: readonly { id: string; email: string }[],
  notice: NoticeInput,
  opts: NotifyOptions = {},
): Promise<number> {
  const seen = new Set<string>();
  const recipients = users.filter((u) => u.id !== opts.exceptUserId && !seen.has(u.id) && seen.add(u.id));
  if (recipients.length === 0) return 0;
  await tx.notification.createMany({
    data: recipients.map((u) => ({ userId: u.id, kind: notice.kind, title: notice.title, body: notice.body, href: notice.href ?? null })),
  });
  if (!opts.inAppOnly) {
    await tx.outboxEmail.createMany({
      data: recipients.map((u) => ({ toAddress: u.email, subject: notice.title, body: mailBody(notice) })),
    });
  }
  return recipients.length;
}

/**
 * Tells a partner's staff. Owners always; an accountant only when assigned to `merchantId` (an accountant
 * must not learn about clients they do not work on). Without `merchantId`, owners only.
 */
export async function notifyPartnerUsers(
  tx: Prisma.TransactionClient,
  partnerId: string,
  notice: NoticeInput,
  opts: NotifyOptions & { merchantId?: string } = {},
): Promise<number> {
  const members = await tx.partnerMembership.findMany({
    where: {
      partnerId,
      OR: [{ role: "owner" }, ...(opts.merchantId ? [{ role: "accountant" as const, assignments: { some: { merchantId: opts.merchantId } } }] : [])],
    },
    select: { user: { select: { id: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return notifyUsers(tx, members.map((m) => m.user), notice, opts);
}

/** Tells every admin of a merchant (e.g. "a grant waits for your approval"). */
export async function notifyMerchantAdmins(tx: Prisma.TransactionClient, merchantId: string, notice: NoticeInput, opts: NotifyOptions = {}): Promise<number> {
  const members = await tx.merchantMembership.findMany({
    where: { merchantId, role: "admin" },
    select: { user: { select: { id: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return notifyUsers(tx, members.map((m) => m.user), notice, opts);
}

/** Tells one user (e.g. the admin whose grant was approved or declined). */
export async function notifyUser(tx: Prisma.TransactionClient, userId: string, notice: NoticeInput, opts: NotifyOptions = {}): Promise<number> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  return user ? notifyUsers(tx, [user], notice, opts) : 0;
}

function mailBody(notice: NoticeInput): string {
  return [notice.body, notice.href ? mail("openIn", { href: notice.href }) : null, `-- \n${mail("footer")}`].filter(Boolean).join("\n\n");
}
