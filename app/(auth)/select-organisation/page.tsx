import { getTranslations } from "next-intl/server";
import { Building2, Calculator, ShieldCheck, Users } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LogoMark } from "@/components/shell/logo";
import { requireUser } from "@/lib/server/authz/current-user";
import { selectOrganisationAction } from "@/lib/server/session/actions";
import { signOutAction } from "@/lib/server/session/actions";
import { Button } from "@/components/ui/button";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("chooseAnOrganisation");

const ICONS = { merchant: Building2, partner: Calculator, admin: ShieldCheck } as const;

export default async function SelectOrganisationPage() {
  const user = await requireUser();
  const [t, tp, tr, tn] = await Promise.all([getTranslations("selectOrganisation"), getTranslations("persona"), getTranslations("roles"), getTranslations("nav")]);
  return (
    <main id="main" className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-6 px-4 py-12">
      <LogoMark className="size-9" />
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          {user.organisations.length === 0 ? (
            <EmptyState icon={Users} title={t("noOrganisations")} description={t("noOrganisationsHint")} />
          ) : (
            <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border">
              {user.organisations.map((org) => {
                const Icon = ICONS[org.kind];
                return (
                  <li key={org.key}>
                    <form action={async () => { "use server"; await selectOrganisationAction({ key: org.key }); }}>
                      <button type="submit" className="focus-ring flex w-full items-center gap-3 px-4 py-3 text-left hover:bg-accent">
                        <Icon aria-hidden className="size-5 text-muted-foreground" />
                        <span className="flex-1">
                          <span className="block text-sm font-medium">{org.name}</span>
                          <span className="block text-xs text-muted-foreground">{tp(org.kind)} · {tr(org.role as "admin")}</span>
                        </span>
                      </button>
                    </form>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
      <form action={signOutAction}>
        <Button variant="ghost" size="sm" type="submit">{tn("signOut")}</Button>
      </form>
    </main>
  );
}
