import { NotificationList } from "@/app/_shared/notification-list";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("notifications");

/** Everything the portal told this person (requests, reminders, digests, grant changes). */
export default async function MerchantNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMerchantContext();
  return <NotificationList userId={ctx.user.id} basePath="/merchant/notifications" searchParams={await searchParams} />;
}
