import { getTranslations } from "next-intl/server";
import { listInbox } from "@/lib/server/lifecycle/inbox";
import { NotificationBellPopover } from "@/components/notifications/notification-bell-popover";

export const BELL_SIZE = 8;

/**
 * The bell in the top bar: the person's latest notifications and how many are unread, rendered with the page
 * and then kept fresh in the browser (react-query polls the same read action).
 */
export async function NotificationBell({ userId, allHref }: { userId: string; allHref: string }) {
  const [inbox, t] = await Promise.all([listInbox(userId, { take: BELL_SIZE }), getTranslations("notifications")]);
  return <NotificationBellPopover initial={inbox} allHref={allHref} label={t("bellLabel")} />;
}
