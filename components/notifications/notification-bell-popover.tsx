"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck, Inbox as InboxIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { QueryProvider } from "@/components/providers/query-provider";
import { cn } from "@/lib/utils/cn";
import { countMyUnreadNotificationsAction, listMyNotificationsAction, markNotificationsReadAction } from "@/lib/server/notifications/inbox-actions";
import type { Inbox, InboxItem } from "@/lib/notifications/types";

const LIST_KEY = ["notifications", "bell", "list"] as const;
const COUNT_KEY = ["notifications", "bell", "unread"] as const;

async function fetchInbox(): Promise<Inbox> {
  const result = await listMyNotificationsAction({ limit: 8 });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function fetchUnread(): Promise<number> {
  const result = await countMyUnreadNotificationsAction({});
  if (!result.ok) throw new Error(result.error.message);
  return result.data.unread;
}

interface BellPopoverProps {
  initialUnread: number;
  allHref: string;
  label: string;
  defaultOpen?: boolean;
}

/**
 * The bell's popover: unread count on the button (polled), the latest items once opened, "mark all as read".
 * Loaded when the bell is first pressed (notification-bell-button.tsx), with react-query and the Radix popover;
 * it brings its own QueryProvider, since no layout carries react-query (decision 040).
 */
export function NotificationBellPopover(props: BellPopoverProps) {
  return (
    <QueryProvider>
      <BellPopover {...props} />
    </QueryProvider>
  );
}

function BellPopover({ initialUnread, allHref, label, defaultOpen = false }: BellPopoverProps) {
  const t = useTranslations("notifications");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(defaultOpen);
  const { data: unread = initialUnread } = useQuery({ queryKey: COUNT_KEY, queryFn: fetchUnread, initialData: initialUnread, refetchInterval: 60_000, staleTime: 15_000 });
  const list = useQuery({ queryKey: LIST_KEY, queryFn: fetchInbox, enabled: open, staleTime: 0 });
  const mark = useMutation({
    mutationFn: async (input: { ids: string[] } | { all: true }) => {
      const result = await markNotificationsReadAction(input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications", "bell"] }),
  });

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
    >
      <PopoverTrigger
        className="focus-ring relative inline-flex size-9 items-center justify-center rounded-md text-foreground hover:bg-accent"
        aria-label={unread > 0 ? t("bellUnread", { count: unread }) : label}
        data-testid="notification-bell"
      >
        <Bell aria-hidden="true" className="size-4.5" />
        {unread > 0 ? (
          <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-danger px-1 text-[0.625rem] font-semibold text-danger-foreground tabular-nums">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </PopoverTrigger>
      <PopoverContent align="end" className="w-[min(24rem,calc(100vw-1.5rem))] p-0" aria-label={label}>
        <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-3">
          <p className="text-sm font-semibold">{t("title")}</p>
          <Button variant="ghost" size="xs" onClick={() => mark.mutate({ all: true })} disabled={unread === 0 || mark.isPending}>
            <CheckCheck aria-hidden />
            {t("markAllRead")}
          </Button>
        </div>
        {!list.data ? (
          <div className="flex items-center justify-center gap-2 px-4 py-8 text-[0.8125rem] text-muted-foreground" role="status">
            {list.isError ? t("loadFailed") : <><Spinner size="sm" />{t("loading")}</>}
          </div>
        ) : list.data.items.length === 0 ? (
          <EmptyState size="sm" icon={InboxIcon} title={t("emptyTitle")} description={t("emptyDescription")} titleAs="p" />
        ) : (
          <ul className="max-h-[min(28rem,70dvh)] divide-y divide-border overflow-y-auto" aria-label={t("latest")}>
            {list.data.items.map((n) => (
              <li key={n.id}>
                <BellItem item={n} onOpen={() => {
                  setOpen(false);
                  if (!n.readAt) mark.mutate({ ids: [n.id] });
                }} />
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-border px-4 py-2.5 text-center">
          <Link href={allHref} className="text-[0.8125rem] font-medium text-primary hover:underline" onClick={() => setOpen(false)}>
            {t("seeAll")}
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}

function BellItem({ item, onOpen }: { item: InboxItem; onOpen: () => void }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const body = (
    <div className="flex gap-3 px-4 py-3">
      <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : "bg-primary")} />
      <div className="min-w-0 flex-1">
        <p className={cn("text-[0.8125rem] leading-5", item.readAt ? "text-foreground" : "font-semibold text-foreground")}>
          {item.readAt ? null : <span className="sr-only">{t("unread")}: </span>}
          {item.title}
        </p>
        <p className="mt-0.5 line-clamp-2 text-xs text-muted-foreground">{item.body}</p>
        <p className="mt-1 text-[0.6875rem] text-muted-foreground">
          <time dateTime={item.createdAt}>{format.relativeTime(new Date(item.createdAt), now)}</time>
        </p>
      </div>
    </div>
  );
  return item.href ? (
    <Link href={item.href} onClick={onOpen} className="focus-ring block hover:bg-accent focus-visible:outline-offset-[-2px]">
      {body}
    </Link>
  ) : (
    body
  );
}
