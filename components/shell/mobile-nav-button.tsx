"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useLazyComponent } from "@/components/ui/lazy-on-interaction";
import type { NavEntry } from "./sidebar-nav";

const loadMobileNav = () => import("./mobile-nav").then((m) => m.MobileNav);

export interface MobileNavButtonProps {
  nav: NavEntry[];
  user: { name: string; email: string; image?: string | null };
  labels: { openNavigation: string; closeNavigation: string; navigation: string };
  /** The drawer's product mark (AppShell's `logo`, or the product name) and persona badge, rendered by the server. */
  logo: ReactNode;
  personaBadge?: ReactNode;
  homeHref: string;
  sidebarFooter?: ReactNode;
  /** The menu icon, rendered by the server, so no icon code is part of the frame's JavaScript. */
  icon: ReactNode;
}

/**
 * The top bar's navigation button on small screens, the one part of AppShell with state. A plain button until the
 * drawer (mobile-nav.tsx, a Radix dialog) is needed: most screens never open it (decision 031).
 */
export function MobileNavButton({ nav, user, labels, logo, personaBadge, homeHref, sidebarFooter, icon }: MobileNavButtonProps) {
  const [open, setOpen] = useState(false);
  const mobileNav = useLazyComponent(loadMobileNav);
  const trigger = "focus-ring inline-flex size-9 items-center justify-center rounded-md text-foreground hover:bg-accent lg:hidden";
  if (mobileNav.Component) {
    const brand = (
      <Link href={homeHref} className="focus-ring rounded-md" onClick={() => setOpen(false)}>
        {logo}
      </Link>
    );
    return (
      <mobileNav.Component
        open={open}
        onOpenChange={setOpen}
        triggerClassName={trigger}
        icon={icon}
        labels={labels}
        brand={brand}
        personaBadge={personaBadge}
        nav={nav}
        user={user}
        sidebarFooter={sidebarFooter}
      />
    );
  }
  return (
    <button
      type="button"
      className={trigger}
      aria-label={labels.openNavigation}
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={mobileNav.preload}
      onFocus={mobileNav.preload}
      onClick={() => {
        setOpen(true);
        mobileNav.open();
      }}
    >
      {icon}
    </button>
  );
}
