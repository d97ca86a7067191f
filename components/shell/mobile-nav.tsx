"use client";

import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { SidebarNav, type NavEntry } from "./sidebar-nav";

export interface MobileNavProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  triggerClassName: string;
  /** The trigger's icon and the persona badge, rendered by the server (no icon code in the browser's bundles). */
  icon: ReactNode;
  personaBadge?: ReactNode;
  labels: { openNavigation: string; closeNavigation: string; navigation: string };
  brand: ReactNode;
  nav: NavEntry[];
  user: { name: string; email: string; image?: string | null };
  sidebarFooter?: ReactNode;
}

/** The navigation drawer of small screens (a Radix dialog), loaded by MobileNavButton when it is first pressed. */
export function MobileNav({ open, onOpenChange, triggerClassName, icon, personaBadge, labels, brand, nav, user, sidebarFooter }: MobileNavProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetTrigger className={triggerClassName} aria-label={labels.openNavigation}>
        {icon}
      </SheetTrigger>
      <SheetContent closeLabel={labels.closeNavigation} aria-describedby={undefined}>
        <SheetTitle className="sr-only">{labels.navigation}</SheetTitle>
        <div className="flex h-14 shrink-0 items-center px-5">{brand}</div>
        {personaBadge ? <div className="px-5 pb-2">{personaBadge}</div> : null}
        <SidebarNav entries={nav} label={labels.navigation} onNavigate={() => onOpenChange(false)} className="flex-1 px-3 pt-2" />
        <div className="flex items-center gap-3 border-t border-border px-5 py-4">
          <Avatar name={user.name} src={user.image} />
          <div className="min-w-0 leading-tight">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-muted-foreground">{user.email}</p>
          </div>
        </div>
        {sidebarFooter ? <div className="border-t border-border px-3 py-3">{sidebarFooter}</div> : null}
      </SheetContent>
    </Sheet>
  );
}
