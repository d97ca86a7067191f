import type { ReactNode } from "react";
import Link from "next/link";
import { Menu } from "lucide-react";
import { cx } from "@/lib/utils/cx";
import { Avatar } from "@/components/ui/avatar";
import { MobileNavButton } from "./mobile-nav-button";
import { SidebarNav, type NavEntry } from "./sidebar-nav";

export interface AppShellLabels {
  skipToContent?: string;
  openNavigation?: string;
  closeNavigation?: string;
  /** Accessible name of the sidebar <nav>. */
  navigation?: string;
}

const defaultLabels: Required<AppShellLabels> = {
  skipToContent: "Skip to content",
  openNavigation: "Open navigation",
  closeNavigation: "Close navigation",
  navigation: "Main",
};

export interface AppShellProps {
  /** Sidebar items and/or labelled groups of items. */
  nav: NavEntry[];
  /** Signed-in user, shown top-right with an initials avatar. */
  user: { name: string; email: string; image?: string | null };
  /**
   * The top bar's persona badge and the product mark, rendered by the server (`<PersonaBadge>`, `<Logo>`), so
   * their SVGs and icons are not part of every page's JavaScript (decision 040). Without `logo`, the product name.
   */
  personaBadge?: ReactNode;
  logo?: ReactNode;
  /** Usually <OrgSwitcher …/>. */
  orgSwitcher?: ReactNode;
  /** Usually <SignOutButton action={signOut} />. */
  userMenu?: ReactNode;
  /** Full-width strip under the top bar (environment notice, impersonation warning…). */
  banner?: ReactNode;
  /** Bottom of the sidebar (help link, environment tag, version). */
  sidebarFooter?: ReactNode;
  productName?: string;
  homeHref?: string;
  /** Max width of the page content. */
  contentWidth?: "default" | "wide" | "full";
  labels?: AppShellLabels;
  children: ReactNode;
}

const widths = { default: "max-w-6xl", wide: "max-w-[96rem]", full: "max-w-none" } as const;

/**
 * Signed-in layout: sidebar (drawer on small screens), top bar, skip link and <main id="main">. A Server Component:
 * its markup and icons are HTML, not part of every page's JavaScript; the client parts are the sidebar's links
 * (the active one follows the path) and the small screens' navigation button (decision 049).
 */
export function AppShell({
  nav,
  user,
  personaBadge,
  logo,
  orgSwitcher,
  userMenu,
  banner,
  sidebarFooter,
  productName = "Ledger Access",
  homeHref = "/",
  contentWidth = "default",
  labels,
  children,
}: AppShellProps) {
  const text = { ...defaultLabels, ...labels };
  const mark = logo ?? <span className="text-[0.9375rem] font-semibold tracking-tight text-foreground">{productName}</span>;

  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#main"
        className="focus-ring sr-only z-[60] rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground shadow-md focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-3 focus:py-2"
      >
        {text.skipToContent}
      </a>

      {/* Desktop sidebar */}
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-border bg-sidebar lg:flex">
        <div className="flex h-14 shrink-0 items-center px-5">
          <Link href={homeHref} className="focus-ring rounded-md">
            {mark}
          </Link>
        </div>
        <SidebarNav entries={nav} label={text.navigation} className="flex-1 px-3 pt-2" />
        {sidebarFooter ? <div className="border-t border-border px-3 py-3">{sidebarFooter}</div> : null}
      </aside>

      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b border-border bg-card/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-card/85 sm:gap-3 sm:px-6">
          <MobileNavButton
            nav={nav}
            user={user}
            labels={{ openNavigation: text.openNavigation, closeNavigation: text.closeNavigation, navigation: text.navigation }}
            logo={mark}
            personaBadge={personaBadge}
            homeHref={homeHref}
            sidebarFooter={sidebarFooter}
            icon={<Menu aria-hidden="true" className="size-5" />}
          />

          <div className="min-w-0 flex-1 sm:flex-none">{orgSwitcher}</div>

          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            {/* Hidden on small screens by a wrapper: the badge's own inline-flex would compete with "hidden" (cx, no merging). */}
            {personaBadge ? <span className="hidden sm:inline-flex">{personaBadge}</span> : null}
            <div className="hidden h-6 w-px bg-border sm:block" aria-hidden="true" />
            <div className="flex items-center gap-2.5">
              <Avatar name={user.name} src={user.image} />
              <div className="sr-only min-w-0 max-w-48 leading-tight md:not-sr-only md:block">
                <p className="truncate text-[0.8125rem] font-medium text-foreground">{user.name}</p>
                <p className="truncate text-xs text-muted-foreground">{user.email}</p>
              </div>
            </div>
            {userMenu}
          </div>
        </header>

        {banner}

        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
          <div className={cx("mx-auto w-full", widths[contentWidth])}>{children}</div>
        </main>
      </div>
    </div>
  );
}
