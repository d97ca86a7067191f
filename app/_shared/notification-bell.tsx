import { getTranslations } from "next-intl/server";
import { Bell } from "lucide-react";
import { countUnread } from "@/lib/server/notifications/inbox";
import { NotificationBellButton } from "@/components/notifications/notification-bell-button";

/**
 * The bell in the top bar. Only the unread count is rendered with the page; the notifications themselves are
 * fetched when the bell is opened, so their texts do not travel with every page (nor sit in its HTML).
 */
export async function NotificationBell({ userId, allHref }: { userId: string; allHref: string }) {
  const [unread, t] = await Promise.all([countUnread(userId), getTranslations("notifications")]);
  return <NotificationBellButton initialUnread={unread} allHref={allHref} label={t("bellLabel")} icon={<Bell aria-hidden="true" className="size-4.5" />} />;
}
