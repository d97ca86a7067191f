import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowRight, Inbox as InboxIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import { listInbox } from "@/lib/server/notifications/inbox";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { INBOX_CURSOR_PARTS } from "@/lib/notifications/types";
import { getFormat } from "@/lib/i18n/get-format";

const PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

/** The notifications page of either persona: the signed-in person's notifications, newest first, a keyset page at a time. */
export async function NotificationList({ userId, basePath, searchParams }: { userId: string; basePath: string; searchParams: SearchParams }) {
  const query = parseListQuery(searchParams, INBOX_CURSOR_PARTS, { size: PAGE_SIZE });
  const [inbox, t, tlist, format] = await Promise.all([
    listInbox(userId, { take: query.size, cursor: query.cursor, direction: query.direction }),
    getTranslations("notifications"),
    getTranslations("lists"),
    getFormatter(),
  ]);
  const fmt = await getFormat();
  const params: SearchParams = { after: searchParams.after, before: searchParams.before };
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<MarkAllReadButton disabled={inbox.unread === 0} />} meta={<span>{t("unreadCount", { count: inbox.unread })}</span>} />
      {inbox.items.length === 0 ? (
        <EmptyState bordered icon={InboxIcon} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <ul className="divide-y divide-border">
            {inbox.items.map((n) => (
              <li key={n.id} className={cn("flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-start sm:gap-4", !n.readAt && "bg-primary-subtle/40")} data-testid="notification">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="text-sm font-semibold">{n.title}</h2>
                    {n.readAt ? null : <Badge variant="primary">{t("unread")}</Badge>}
                  </div>
                  <p className="mt-1 text-sm whitespace-pre-line text-muted-foreground">{n.body}</p>
                  <p className="mt-1.5 text-xs text-muted-foreground">
                    <time dateTime={n.createdAt} title={fmt.dateTime(n.createdAt)}>
                      {format.relativeTime(new Date(n.createdAt), now)}
                    </time>
                  </p>
                </div>
                {n.href ? (
                  <Link href={n.href} className="focus-ring inline-flex shrink-0 items-center gap-1 rounded-sm text-[0.8125rem] font-medium text-primary hover:underline">
                    {t("open")}
                    <span className="sr-only">: {n.title}</span>
                    <ArrowRight aria-hidden className="size-3.5" />
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          {inbox.nextCursor || inbox.prevCursor ? (
            <div className="border-t border-border px-5 py-3">
              <Pagination
                summary={tlist("summary", { count: inbox.items.length, total: inbox.total })}
                previousHref={inbox.prevCursor ? pageHref(basePath, params, { before: inbox.prevCursor }) : null}
                nextHref={inbox.nextCursor ? pageHref(basePath, params, { after: inbox.nextCursor }) : null}
                labels={{ navigation: t("pagination"), previous: t("previous"), next: t("next") }}
              />
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
