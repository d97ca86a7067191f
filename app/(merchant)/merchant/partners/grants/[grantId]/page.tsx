import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { GrantScope } from "@/components/grants/grant-scope";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { EditGrantForm } from "@/components/grants/edit-grant-form";
import { GrantDecisionButtons, RevokeGrantButton } from "@/components/grants/grant-decision-buttons";
import { GrantHistory } from "@/components/grants/grant-history";
import { OutOfSyncBadge, PartnerSuspendedBadge } from "@/components/grants/partner-grant-item";
import { fourEyesReasonText, scopeSummary, type NoticeTranslator } from "@/lib/grants/consent";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { getGrantDetail, listGrantHistory } from "@/lib/server/grants/queries";
import { isGrantOutOfSync } from "@/lib/server/merchant-partners/grant-sync-status";
import { MerchantFindingsAlert } from "@/components/reconciliation/merchant-findings-alert";
import { openFindingsForMerchant } from "@/lib/server/reconciliation/findings";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("partnerAccess");

/** M3/M5: one grant: its scope, who asked and approved, the consent, change/revoke, approve/decline, history. */
export default async function GrantPage({ params }: { params: Promise<{ grantId: string }> }) {
  const ctx = await requireMerchantContext();
  const { grantId } = await params;
  const grant = await getGrantDetail(ctx, grantId);
  if (!grant) notFound();
  const [history, outOfSync, partnerFindings, t, tm, tn, locale] = await Promise.all([
    listGrantHistory(ctx, grant.id),
    isGrantOutOfSync(grant),
    openFindingsForMerchant(ctx, { partnerId: grant.partner.id }),
    getTranslations("grantDetail"),
    getTranslations("merchantPartners"),
    getTranslations("grantNotices"),
    getLocale(),
  ]);
  const fmt = await getFormat();
  const notices: NoticeTranslator = (key, values) => tn(key as "consent", values as never);
  const scope = scopeSummary(notices, grant, locale);
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t("nobody"));
  const pending = grant.status === "pending_approval";
  const live = grant.status === "active" || pending;
  const ledger = grant.ledger.externalId;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: t("back"), href: "/merchant/partners" }, { label: `${grant.partner.name} · ${ledger}` }]}
        title={t("title", { partner: grant.partner.name, ledger })}
        titleAddon={
          <span className="flex items-center gap-2">
            <GrantStatusBadge status={grant.displayStatus} />
            {outOfSync ? <OutOfSyncBadge /> : null}
            {grant.partner.status === "suspended" ? <PartnerSuspendedBadge /> : null}
          </span>
        }
        meta={<span className="tabular-nums">{t("orgNo", { orgNo: grant.partner.orgNo })} · {grant.partner.country}</span>}
        actions={grant.can.revoke ? <RevokeGrantButton grantId={grant.id} partner={grant.partner.name} ledger={ledger} pending={pending} /> : undefined}
      />

      {/* A2: this grant not readable upstream, or this partner reading a ledger of ours that nothing here grants. */}
      <MerchantFindingsAlert findings={partnerFindings.filter((f) => f.grantId === grant.id || f.kind === "upstream_only")} />
      {pending ? (
        <Alert
          className="mb-6"
          variant="info"
          icon={<ShieldCheck />}
          title={t("pendingTitle")}
          description={
            <>
              <p>{t("pendingDescription", { reasons: fourEyesReasonText(notices, grant.fourEyesReasons), partner: grant.partner.name })}</p>
              <p className="mt-1">{grant.isOwnRequest ? t("pendingOwn") : !grant.can.approve ? t("pendingNotAdmin") : null}</p>
            </>
          }
          action={grant.can.approve ? <GrantDecisionButtons grantId={grant.id} partner={grant.partner.name} ledger={ledger} scope={scope} /> : undefined}
          data-testid="pending-approval"
        />
      ) : null}
      {!live ? (
        <Alert
          className="mb-6"
          variant="neutral"
          title={t("endedTitle")}
          description={t("endedDescription", { partner: grant.partner.name })}
          action={<Button asChild variant="outline" size="sm"><Link href={`/merchant/partners/new?partner=${grant.partner.id}&ledger=${grant.ledger.id}`}>{t("grantAgain")}</Link></Button>}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader><CardTitle>{t("scopeTitle")}</CardTitle></CardHeader>
            <CardContent>
              <DescriptionList
                items={[
                  { term: t("ledger"), description: <span className="flex items-center gap-2"><span className="font-mono tabular-nums">{ledger}</span><Badge variant="outline">{grant.ledger.currency}</Badge></span> },
                  {
                    term: t("salesUnits"),
                    description: (
                      <ul className="space-y-0.5">
                        {grant.ledger.salesUnits.map((s) => (
                          <li key={s.id}>{s.name} <span className="text-xs text-muted-foreground tabular-nums">· {tm("msn", { msn: s.msn })} · {s.channel === "api" ? tm("channelApi") : tm("channelVm")}</span></li>
                        ))}
                      </ul>
                    ),
                  },
                  { term: t("period"), description: <GrantScope {...grant} /> },
                ]}
              />
            </CardContent>
          </Card>

          {grant.can.change ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("changeTitle")}</CardTitle>
                <CardDescription>{t("changeHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <EditGrantForm
                  grantId={grant.id}
                  partnerName={grant.partner.name}
                  current={{ periodFrom: grant.periodFrom, periodTo: grant.periodTo, includesPersonalData: grant.includesPersonalData, validUntil: grant.validUntil }}
                  coversAllLedgers={grant.holdsEveryLedger}
                />
              </CardContent>
            </Card>
          ) : null}

          <Card>
            <CardHeader><CardTitle>{t("historyTitle")}</CardTitle></CardHeader>
            <CardContent><GrantHistory entries={history} /></CardContent>
          </Card>
        </div>

        <div className="grid content-start gap-6">
          <Card>
            <CardHeader><CardTitle>{t("peopleTitle")}</CardTitle></CardHeader>
            <CardContent>
              <dl className="grid gap-3">
                {[
                  [t("grantedBy"), grant.grantedBy ?? t("nobody")],
                  [t("approvedBy"), grant.approvedBy ?? (grant.requiresSecondApproval ? t("nobody") : t("notNeeded"))],
                  ...(grant.revokedBy ? [[t("revokedBy"), grant.revokedBy]] : []),
                  [t("createdAt"), when(grant.createdAt)],
                  [t("updatedAt"), when(grant.updatedAt)],
                  [t("lastUsed"), grant.lastUsedAt ? when(grant.lastUsedAt) : t("neverUsed")],
                ].map(([term, value]) => (
                  <div key={term}>
                    <dt className="text-[0.8125rem] text-muted-foreground">{term}</dt>
                    <dd className="text-sm text-foreground">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("consentTitle")}</CardTitle></CardHeader>
            <CardContent>
              {grant.consentText ? <p className="text-sm leading-6" data-testid="grant-consent">{grant.consentText}</p> : <p className="text-sm text-muted-foreground">{t("noConsent")}</p>}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
