import {
  Activity,
  ArrowLeftRight,
  Banknote,
  Bell,
  BookKey,
  BookOpen,
  Briefcase,
  Building2,
  Calculator,
  CalendarDays,
  ChartLine,
  CircleHelp,
  ClipboardCheck,
  CreditCard,
  Download,
  FileSpreadsheet,
  FileText,
  FolderKey,
  Gauge,
  Handshake,
  History,
  Inbox,
  KeyRound,
  Landmark,
  LayoutDashboard,
  LifeBuoy,
  Link2,
  ListChecks,
  Mail,
  Plug,
  Receipt,
  ScrollText,
  Search,
  Settings,
  ShieldAlert,
  ShieldCheck,
  Store,
  UserCheck,
  UserCog,
  Users,
  Wallet,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import { createElement, type ReactElement } from "react";
import type { NavEntry, NavItem } from "./sidebar-nav";

/**
 * Icons addressable by name, so Server Component layouts can write `icon: "ledgers"`. Resolved on the server
 * (`navIcon`, `withNavIcons`) into rendered elements before they reach the client AppShell: the map stays out of
 * the browser's JavaScript (it was a 21 kB chunk on every page).
 */
export const navIcons = {
  dashboard: LayoutDashboard,
  overview: Gauge,
  ledgers: BookOpen,
  ledger: BookKey,
  settlements: Landmark,
  payouts: Banknote,
  transactions: ArrowLeftRight,
  fees: Receipt,
  exports: Download,
  reports: FileSpreadsheet,
  documents: FileText,
  chart: ChartLine,
  calendar: CalendarDays,
  wallet: Wallet,
  payments: CreditCard,
  merchants: Store,
  partners: Handshake,
  accountants: Calculator,
  organisations: Building2,
  clients: Briefcase,
  users: Users,
  members: UserCog,
  access: KeyRound,
  grants: FolderKey,
  approvals: ClipboardCheck,
  reviews: UserCheck,
  requests: Inbox,
  tasks: ListChecks,
  security: ShieldCheck,
  alerts: ShieldAlert,
  audit: ScrollText,
  history: History,
  activity: Activity,
  integrations: Plug,
  webhooks: Webhook,
  links: Link2,
  notifications: Bell,
  messages: Mail,
  search: Search,
  settings: Settings,
  help: CircleHelp,
  support: LifeBuoy,
} as const satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;

/** A named icon as a rendered element (an RSC payload of a few bytes instead of the icon code in the bundle). */
export function navIcon(name: NavIconName): ReactElement {
  return createElement(navIcons[name], { "aria-hidden": true });
}

/** A nav item as written by a Server Component: the icon by name. */
export type NamedNavItem = Omit<NavItem, "icon"> & { icon?: NavIconName };
export type NamedNavEntry = NamedNavItem | { label: string; items: NamedNavItem[] };

/** Resolves every icon name in a nav into its element, for the client AppShell. */
export function withNavIcons(entries: NamedNavEntry[]): NavEntry[] {
  const item = (i: NamedNavItem): NavItem => ({ ...i, icon: i.icon ? navIcon(i.icon) : undefined });
  return entries.map((e) => ("items" in e ? { label: e.label, items: e.items.map(item) } : item(e)));
}
