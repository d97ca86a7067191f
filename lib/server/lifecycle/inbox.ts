import "server-only";
import { db } from "@/lib/server/db";
import type { MarkNotificationsReadInput } from "@/lib/lifecycle/schemas";

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
  total: number;
}

/**
 * The signed-in person's own notifications, newest first. Tenant rule: notifications are per user; nobody
 * reads or marks another person's (the user id comes from the session, never from input).
 */
export async function listInbox(userId: string, opts: { take: number; skip?: number; unreadOnly?: boolean }): Promise<Inbox> {
  const where = { userId, ...(opts.unreadOnly ? { readAt: null } : {}) };
  const [rows, unread, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: opts.take,
      skip: opts.skip ?? 0,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.count({ where }),
  ]);
  return {
    items: rows.map((n) => ({ ...n, href: safeHref(n.href), createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    unread,
    total,
  };
}

/** Marks the user's own notifications read; ids of someone else's simply match nothing. Returns how many changed. */
export async function markNotificationsRead(userId: string, input: MarkNotificationsReadInput, now: Date = new Date()): Promise<number> {
  const ids = "ids" in input ? input.ids : undefined;
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return count;
}

/** Links in notifications are paths inside the portal; anything else is dropped (no open redirect, no javascript:). */
function safeHref(href: string | null): string | null {
  return href && href.startsWith("/") && !href.startsWith("//") ? href : null;
}

/** How many of the person's notifications are unread (the bell's badge). */
export async function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
