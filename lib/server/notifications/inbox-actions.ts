"use server";
import "server-only";
import { z } from "zod";
import { userAction } from "@/lib/server/actions/define-action";
import { countUnread, listInbox, markNotificationsRead } from "@/lib/server/notifications/inbox";
import { serverLifecycleSchemas } from "@/lib/server/actions/lifecycle-schemas";

/** The bell's read: the user's latest notifications and the unread count (react-query polls it). */
export const listMyNotificationsAction = userAction(z.object({ limit: z.number().int().min(1).max(50) }), async ({ input, ctx }) =>
  listInbox(ctx.id, { take: input.limit }),
);

/** The bell's badge: only the number of unread notifications (polled; no texts travel with every page). */
export const countMyUnreadNotificationsAction = userAction(z.object({}).strict(), async ({ ctx }) => ({ unread: await countUnread(ctx.id) }));

export const markNotificationsReadAction = userAction(serverLifecycleSchemas.markNotificationsReadSchema, async ({ input, ctx }) => ({
  marked: await markNotificationsRead(ctx.id, input),
}));
