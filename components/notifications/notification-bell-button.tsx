"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useLazyComponent } from "@/components/ui/lazy-on-interaction";
import { countMyUnreadNotificationsAction } from "@/lib/server/notifications/inbox-actions";

const loadPopover = () => import("./notification-bell-popover").then((m) => m.NotificationBellPopover);

/**
 * The bell as every page carries it: the unread count (polled once a minute through the same server action the
 * popover uses) on a plain button. The popover (Radix popover, react-query, the list) is downloaded when the
 * pointer or focus reaches the bell and shown open when it is pressed (decision 031). `icon` is rendered by the
 * server, so no icon code is part of the frame's JavaScript (decision 049); the popover brings its own.
 */
export function NotificationBellButton({ initialUnread, allHref, label, icon }: { initialUnread: number; allHref: string; label: string; icon: ReactNode }) {
  const t = useTranslations("notifications");
  const popover = useLazyComponent(loadPopover);
  const [unread, setUnread] = useState(initialUnread);
  // A server refresh (router.refresh() after "mark all as read" on the notifications page) sends a new count.
  const [serverUnread, setServerUnread] = useState(initialUnread);
  if (serverUnread !== initialUnread) {
    setServerUnread(initialUnread);
    setUnread(initialUnread);
  }
  const loaded = popover.Component !== null;
  useEffect(() => {
    if (loaded) return;
    const timer = window.setInterval(() => {
      countMyUnreadNotificationsAction({}).then(
        (r) => {
          if (r.ok) setUnread(r.data.unread);
        },
        () => undefined,
      );
    }, 60_000);
    return () => window.clearInterval(timer);
  }, [loaded]);
  if (popover.Component) return <popover.Component initialUnread={unread} allHref={allHref} label={label} defaultOpen={popover.openRequested} />;
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      aria-busy={popover.openRequested || undefined}
      onPointerEnter={popover.preload}
      onFocus={popover.preload}
      onClick={popover.open}
      className="focus-ring relative inline-flex size-9 items-center justify-center rounded-md text-foreground hover:bg-accent"
      aria-label={unread > 0 ? t("bellUnread", { count: unread }) : label}
      data-testid="notification-bell"
    >
      {icon}
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-danger px-1 text-[0.625rem] font-semibold text-danger-foreground tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </button>
  );
}
