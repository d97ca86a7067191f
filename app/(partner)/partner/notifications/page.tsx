import { NotificationList } from "@/app/_shared/notification-list";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("notifications");

/** Everything the portal told this person (new access, changes, reminders, answers to requests). */
export default async function PartnerNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePartnerContext();
  return <NotificationList userId={ctx.user.id} basePath="/partner/notifications" searchParams={await searchParams} />;
}
