import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArrowRight, Inbox as InboxIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import { listInbox } from "@/lib/server/lifecycle/inbox";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";

const PAGE_SIZE = 20;

/** The notifications page of either persona: every notification of the signed-in person, newest first. */
export async function NotificationList({ userId, basePath, page }: { userId: string; basePath: string; page: number }) {
  const [inbox, t, format] = await Promise.all([listInbox(userId, { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE }), getTranslations("notifications"), getFormatter()]);
  const pageCount = Math.max(1, Math.ceil(inbox.total / PAGE_SIZE));
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
                    <time dateTime={n.createdAt} title={format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}>
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
          {pageCount > 1 ? (
            <div className="border-t border-border px-5 py-3">
              <Pagination
                summary={t("pageSummary", { page, pages: pageCount, total: inbox.total })}
                previousHref={page > 1 ? `${basePath}?page=${page - 1}` : null}
                nextHref={page < pageCount ? `${basePath}?page=${page + 1}` : null}
                labels={{ navigation: t("pagination"), previous: t("previous"), next: t("next") }}
              />
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}

/** ?page=N, defaulting to 1 for anything else. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
