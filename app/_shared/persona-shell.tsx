import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { ChevronsUpDown, Languages } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-namespaces";
import { AppShell } from "@/components/shell/app-shell";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Logo } from "@/components/shell/logo";
import { PersonaBadge } from "@/components/shell/persona-badge";
import type { AppLocale } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/server/session/locale-actions";
import { withNavIcons, type NamedNavEntry } from "@/components/shell/nav-icons";
import { partnerCan } from "@/lib/server/authz/permissions";
import { signOutAction, switchOrganisationAction } from "@/lib/server/session/actions";
import type { CurrentUser } from "@/lib/authz/types";

type Kind = "merchant" | "partner" | "admin";

/**
 * The signed-in frame for each persona: its navigation, the organisation switcher and sign-out. `bell` is the
 * notification bell (app/_shared/notification-bell.tsx), given by the merchant's and the partner's layouts: admins
 * get no notifications, and importing it here would put its client code in the admin's pages too (decision 049).
 */
export async function PersonaShell({ kind, activeKey, user, bell, children }: { kind: Kind; activeKey: string; user: CurrentUser; bell?: ReactNode; children: ReactNode }) {
  const [tn, tp, tr, tl] = await Promise.all([getTranslations("nav"), getTranslations("persona"), getTranslations("roles"), getTranslations("lifecycleNav")]);
  const locale = (await getLocale()) as AppLocale;
  const activeRole = user.organisations.find((o) => o.key === activeKey)?.role ?? "";
  const nav: Record<Kind, NamedNavEntry[]> = {
    merchant: [
      { href: "/merchant/partners", label: tn("accountingPartners"), icon: "partners" },
      { href: "/merchant/approvals", label: (await getTranslations("grantNav"))("approvals"), icon: "approvals" },
      { href: "/merchant/requests", label: tl("requests"), icon: "requests" },
      { href: "/merchant/partner-staff", label: tl("partnerStaff"), icon: "users" },
      { href: "/merchant/access-log", label: tl("accessLog"), icon: "activity" },
      { href: "/merchant/ledger", label: (await getTranslations("ledgerNav"))("ledger"), icon: "ledger" },
      { href: "/merchant/keys", label: (await getTranslations("ledgerNav"))("apiKeys"), icon: "access" },
    ],
    partner: [
      { href: "/partner/clients", label: tn("clients"), icon: "clients" },
      { href: "/partner/keys", label: (await getTranslations("ledgerNav"))("apiKeys"), icon: "access" },
      // Requests and staff are the owners' business; an accountant opening them directly gets a plain notice.
      ...(partnerCan(activeRole, "requests.write") ? [{ href: "/partner/requests", label: tl("requests"), icon: "requests" as const }] : []),
      ...(partnerCan(activeRole, "staff.write") ? [{ href: "/partner/staff", label: tl("staff"), icon: "members" as const }] : []),
    ],
    admin: [
      { href: "/admin/access", label: tn("accessOverview"), icon: "security" },
      { href: "/admin/partners", label: (await getTranslations("adminPartners"))("nav"), icon: "clients" },
      { href: "/admin/audit", label: tn("auditTrail"), icon: "audit" },
      { href: "/admin/reconciliation", label: (await getTranslations("reconciliation"))("nav"), icon: "alerts" },
    ],
  };
  // Only the frame's own client components' messages (the bell's); each route's layout sends its pages' own
  // (i18n/client-namespaces.ts). This provider also replaces the root one for the pages without such a layout.
  return (
    <NextIntlClientProvider messages={bell ? clientMessages("shell", locale) : {}}>
      <AppShell
        nav={withNavIcons(nav[kind])}
        user={{ name: user.name ?? user.email, email: user.email }}
        personaBadge={<PersonaBadge persona={{ kind, label: tp(kind) }} />}
        logo={<Logo />}
        orgSwitcher={
          <OrgSwitcher
            organisations={user.organisations.map((o) => ({ id: o.key, name: o.name, kind: o.kind, roleLabel: tr(o.role as "admin") }))}
            activeId={activeKey}
            onSelectAction={switchOrganisationAction}
            label={tn("switchOrganisation")}
            kindLabels={{ merchant: tp("merchant"), partner: tp("partner"), admin: tp("admin") }}
            icon={<ChevronsUpDown aria-hidden="true" className="ml-auto size-4 shrink-0 text-muted-foreground" />}
          />
        }
        userMenu={
          <>
            <LanguageSwitch current={locale} onSelectAction={setLocaleAction} label={tn("language")} icon={<Languages aria-hidden="true" className="size-4" />} />
            {bell}
            <SignOutButton action={signOutAction} label={tn("signOut")} />
          </>
        }
        labels={{ skipToContent: tn("skipToContent") }}
      >
        {children}
      </AppShell>
    </NextIntlClientProvider>
  );
}
