import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChevronRight, KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LogoMark } from "@/components/shell/logo";
import { DemoSignInList } from "@/components/auth/demo-sign-in-list";
import { getCurrentUser } from "@/lib/server/authz/current-user";
import { getActiveOrganisation, homePathFor } from "@/lib/server/authz/active-organisation";
import { getSignInOptions } from "@/lib/server/auth/sign-in-options";
import { demoSignInAction } from "@/lib/server/session/actions";
import { signInWithOidcAction } from "@/lib/server/session/sign-in-with-oidc";
import { SIGN_IN_RATE_LIMITED } from "@/lib/server/rate-limit/sign-in-limit";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("signIn");

const GROUP_ORDER = ["merchant", "partner", "admin"] as const;
// ?error= values the sign-in flow sets (lib/server/auth/auth.ts); anything else gets the generic text.
const ERROR_MESSAGES: Partial<Record<string, "errorNotInvited" | "errorEmailNotVerified">> = { NotInvited: "errorNotInvited", EmailNotVerified: "errorEmailNotVerified" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  // Signed in already: straight to the persona's home (or the chooser), not the list of people again.
  const user = await getCurrentUser();
  if (user) {
    const org = await getActiveOrganisation(user);
    redirect(org ? homePathFor(org) : "/select-organisation");
  }
  const [{ error }, options, t, tp, tr] = await Promise.all([searchParams, getSignInOptions(), getTranslations("signIn"), getTranslations("persona"), getTranslations("rateLimit")]);
  const errorText = error === SIGN_IN_RATE_LIMITED ? tr("signInError") : ERROR_MESSAGES[error ?? ""] ? t(ERROR_MESSAGES[error ?? ""]!) : t("errorGeneric");
  return (
    <main id="main" className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col justify-center gap-6 px-4 py-12">
      <div className="flex items-center gap-3">
        <LogoMark className="size-9" />
        <div>
          <p className="text-lg font-semibold tracking-tight">Ledger Access</p>
          <p className="text-sm text-muted-foreground">{t("productLine")}</p>
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("title")}</CardTitle>
          <CardDescription>{t("subtitle")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {error ? <Alert role="alert" variant="danger" title={errorText} /> : null}
          {options.oidcName ? (
            <form action={signInWithOidcAction}>
              <Button type="submit" size="lg" className="w-full">
                <KeyRound aria-hidden />
                {t("oidcButton", { name: options.oidcName })}
              </Button>
            </form>
          ) : null}
          {options.demoPersonas.length > 0 ? (
            <section aria-labelledby="demo-heading" className="space-y-3">
              <div>
                <h2 id="demo-heading" className="text-sm font-semibold">{t("demoTitle")}</h2>
                <p className="text-sm text-muted-foreground">{t("demoDescription")}</p>
              </div>
              {GROUP_ORDER.map((group) => {
                const personas = options.demoPersonas.filter((p) => p.group === group);
                if (personas.length === 0) return null;
                return (
                  <div key={group} className="space-y-1.5">
                    <h3 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{tp(group)}</h3>
                    <DemoSignInList personas={personas} signInAction={demoSignInAction} chevron={<ChevronRight aria-hidden className="size-4 text-muted-foreground" />} />
                  </div>
                );
              })}
            </section>
          ) : null}
          {!options.oidcName && options.demoPersonas.length === 0 ? <Alert variant="warning" title={t("noMethods")} /> : null}
        </CardContent>
      </Card>
    </main>
  );
}
