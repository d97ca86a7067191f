import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ApproveRequestDialog } from "@/components/requests/approve-request-dialog";
import { DeclineRequestDialog } from "@/components/requests/decline-request-dialog";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestedScope } from "@/components/requests/requested-scope";
import { daysUntil } from "@/lib/lifecycle/request-status";
import type { MerchantRequestView } from "@/lib/access-requests/types";
import { getFormat } from "@/lib/i18n/get-format";

/** One open request as the merchant sees it: who asks, for what and why, by when; approve or decline. */
export async function OpenRequestCard({ request: r, now, readOnlyReason }: { request: MerchantRequestView; now: Date; readOnlyReason: string | null }) {
  const [t] = await Promise.all([getTranslations("merchantRequests")]);
  const fmt = await getFormat();
  const days = daysUntil(r.expiresAt, now);
  return (
    <Card data-testid={`open-request-${r.partner.orgNo}`}>
      <CardContent className="grid gap-4 pt-5 md:grid-cols-[1fr_1.2fr]">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold">{r.partner.name}</h3>
            <RequestStatusBadge status={r.status} />
            {r.partner.status !== "approved" ? <Badge variant="warning">{t("partnerNotApproved")}</Badge> : null}
          </div>
          <p className="text-xs text-muted-foreground tabular-nums">{t("orgNo", { orgNo: r.partner.orgNo })}</p>
          <p className="text-xs text-muted-foreground">
            {t("askedBy", { name: r.requestedBy?.name ?? t("someone"), email: r.requestedBy?.email ?? "", date: fmt.date(r.createdAt) })}
          </p>
          <p className={days <= 3 ? "text-xs font-medium text-warning" : "text-xs text-muted-foreground"}>
            {t("expiresIn", { days, date: fmt.date(r.expiresAt) })}
          </p>
        </div>
        <div className="min-w-0 space-y-2">
          <RequestedScope {...r} />
          <p className="text-sm [overflow-wrap:anywhere]"><span className="text-muted-foreground">{t("purposeLabel")}: </span>{r.purpose}</p>
        </div>
      </CardContent>
      <CardFooter className="justify-end">
        {readOnlyReason ? (
          <span className="mr-auto text-[0.8125rem] text-muted-foreground">{readOnlyReason}</span>
        ) : (
          <>
            <DeclineRequestDialog requestId={r.id} partner={r.partner.name} />
            {r.ledgerChoices.some((l) => l.grantable && !l.alreadyGranted) ? (
              <ApproveRequestDialog id={r.id} partner={r.partner} periodFrom={r.periodFrom} periodTo={r.periodTo} includesPersonalData={r.includesPersonalData} ledgerChoices={r.ledgerChoices} notHeldLedgerIds={r.notHeldLedgerIds} purpose={r.purpose} />
            ) : (
              <span className="text-[0.8125rem] text-muted-foreground">{t("nothingToGive")}</span>
            )}
          </>
        )}
      </CardFooter>
    </Card>
  );
}
