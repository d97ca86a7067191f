import "server-only";
import { db } from "@/lib/server/db";
import type { MarkNotificationsReadInput } from "@/lib/lifecycle/schemas";
import { isUuid } from "@/lib/ids";
import { PAGE_SIZE_MAX, toKeysetPage } from "@/lib/paging/keyset";
import type { Inbox } from "@/lib/notifications/types";

/**
 * The signed-in person's own notifications, newest first, one keyset page (createdAt, id) at a time: a deep
 * page costs what the first does. Tenant rule: notifications are per user; nobody reads or marks another
 * person's (the user id comes from the session, never from input).
 */
export async function listInbox(
  userId: string,
  opts: { take: number; unreadOnly?: boolean; cursor?: string[] | null; direction?: "next" | "prev" },
): Promise<Inbox> {
  const take = Math.min(Math.max(1, opts.take), PAGE_SIZE_MAX);
  const direction = opts.direction ?? "next";
  const at = opts.cursor ? new Date(opts.cursor[0] ?? "") : null;
  const cursor = at && !Number.isNaN(at.getTime()) && isUuid(opts.cursor?.[1] ?? "") ? { at, id: opts.cursor![1]! } : null;
  const where = { userId, ...(opts.unreadOnly ? { readAt: null } : {}) };
  // Newest first: "next" reads older rows, "prev" newer ones (in ascending order, turned round below).
  const older = direction === "next";
  const keyset = cursor
    ? { OR: [{ createdAt: older ? { lt: cursor.at } : { gt: cursor.at } }, { createdAt: cursor.at, id: older ? { lt: cursor.id } : { gt: cursor.id } }] }
    : {};
  const order = older ? ("desc" as const) : ("asc" as const);
  const [rows, unread, total] = await Promise.all([
    db.notification.findMany({
      where: { ...where, ...keyset },
      orderBy: [{ createdAt: order }, { id: order }],
      take: take + 1,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
    opts.unreadOnly ? db.notification.count({ where }) : db.notification.count({ where: { userId } }),
  ]);
  const page = toKeysetPage(rows, { cursor: cursor ? [] : null, direction, size: take }, (n) => [n.createdAt.toISOString(), n.id], total);
  return {
    items: page.items.map((n) => ({ ...n, href: safeHref(n.href), createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    unread,
    total,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
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
