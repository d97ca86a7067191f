import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "@/lib/i18n/locales";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

type Recipient = { id: string; email: string; locale?: string | null };
const RECIPIENT = { id: true, email: true, locale: true } as const;

/** One message to people: shown in the app (the bell) and sent by e-mail through the outbox. */
export interface NoticeInput {
  /** Machine-readable kind, e.g. "grant.granted", so the bell can group and filter. */
  kind: string;
  title: string;
  body: string;
  /** Where the in-app notification leads (a path inside the portal). */
  href?: string | null;
  /**
   * The title and body in another language. Each person gets the notification and its e-mail in their own
   * language (User.locale, English when unset); `title` and `body` are the English text.
   */
  render?: (locale: AppLocale) => { title: string; body: string };
}

/** A notice written from the catalogue in every language: English for `title`/`body`, the rest on demand. */
export function localizedNotice(kind: string, href: string | null, text: (locale: AppLocale) => { title: string; body: string }): NoticeInput {
  return { kind, href, ...text(DEFAULT_LOCALE), render: text };
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
  users: readonly Recipient[],
  notice: NoticeInput,
  opts: NotifyOptions = {},
): Promise<number> {
  const seen = new Set<string>();
  const recipients = users.filter((u) => u.id !== opts.exceptUserId && !seen.has(u.id) && seen.add(u.id));
  if (recipients.length === 0) return 0;
  // Each language's text once, however many people read it.
  const texts = new Map<AppLocale, { title: string; body: string }>();
  const textFor = (u: Recipient) => {
    const locale = notice.render && isAppLocale(u.locale) ? u.locale : DEFAULT_LOCALE;
    if (!texts.has(locale)) texts.set(locale, locale === DEFAULT_LOCALE || !notice.render ? { title: notice.title, body: notice.body } : notice.render(locale));
    return { locale: isAppLocale(u.locale) ? u.locale : DEFAULT_LOCALE, ...texts.get(locale)! };
  };
  const written = recipients.map((u) => ({ user: u, ...textFor(u) }));
  await tx.notification.createMany({
    data: written.map((w) => ({ userId: w.user.id, kind: notice.kind, title: w.title, body: w.body, href: notice.href ?? null })),
  });
  if (!opts.inAppOnly) {
    await tx.outboxEmail.createMany({
      data: written.map((w) => ({ toAddress: w.user.email, subject: w.title, body: mailBody(w.body, notice.href, w.locale) })),
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
    select: { user: { select: RECIPIENT } },
    orderBy: { createdAt: "asc" },
  });
  return notifyUsers(tx, members.map((m) => m.user), notice, opts);
}

/** Tells every admin of a merchant (e.g. "a grant waits for your approval"). */
export async function notifyMerchantAdmins(tx: Prisma.TransactionClient, merchantId: string, notice: NoticeInput, opts: NotifyOptions = {}): Promise<number> {
  const members = await tx.merchantMembership.findMany({
    where: { merchantId, role: "admin" },
    select: { user: { select: RECIPIENT } },
    orderBy: { createdAt: "asc" },
  });
  return notifyUsers(tx, members.map((m) => m.user), notice, opts);
}

/** Tells one user (e.g. the admin whose grant was approved or declined). */
export async function notifyUser(tx: Prisma.TransactionClient, userId: string, notice: NoticeInput, opts: NotifyOptions = {}): Promise<number> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: RECIPIENT });
  return user ? notifyUsers(tx, [user], notice, opts) : 0;
}

/** The e-mail's frame (the link and the footer) is in the recipient's language even for a notice given only in English. */
function mailBody(body: string, href: string | null | undefined, locale: AppLocale): string {
  const mail = serverTranslator("grantMail", locale);
  return [body, href ? mail("openIn", { href }) : null, `-- \n${mail("footer")}`].filter(Boolean).join("\n\n");
}
