"use client";

import type { KeyboardEvent, ReactNode } from "react";
import { cx } from "@/lib/utils/cx";
import { useLazyComponent } from "@/components/ui/lazy-on-interaction";
import { OrgIdentity, orgTriggerClasses, type OrgSwitcherProps } from "./org-identity";

export type { OrgSwitcherProps } from "./org-identity";

const loadMenu = () => import("./org-switcher-menu").then((m) => m.OrgSwitcherMenu);

/**
 * Active-organisation picker for AppShell's `orgSwitcher` slot. The page carries a plain button that looks like
 * the menu's trigger; the menu (org-switcher-menu.tsx, a Radix dropdown) is downloaded when the pointer or focus
 * reaches the button and shown open when it is pressed (Enter, Space, ArrowDown or a click), after which it is
 * the real menu with Radix's keyboard handling. `icon` (the trigger's chevrons) is rendered by the server, so no
 * icon code is part of the frame's JavaScript (decision 049); the menu brings its own.
 */
export function OrgSwitcher({ icon, ...props }: OrgSwitcherProps & { icon: ReactNode }) {
  const { organisations, activeId, onSelectAction, label = "Switch organisation", className } = props;
  const menu = useLazyComponent(loadMenu);
  const active = organisations.find((org) => org.id === activeId) ?? organisations[0];
  if (!active) return null;
  if (!onSelectAction || organisations.length < 2) {
    return (
      <div className={orgTriggerClasses(className)}>
        <OrgIdentity org={active} compact />
      </div>
    );
  }
  if (menu.Component) return <menu.Component {...props} defaultOpen={menu.openRequested} />;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      menu.open();
    }
  };
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-busy={menu.openRequested || undefined}
      onPointerEnter={menu.preload}
      onFocus={menu.preload}
      onClick={menu.open}
      onKeyDown={onKeyDown}
      className={cx(orgTriggerClasses(className), "focus-ring border border-transparent transition-colors hover:bg-accent")}
    >
      <span className="sr-only">{label}: </span>
      <OrgIdentity org={active} compact />
      {icon}
    </button>
  );
}
