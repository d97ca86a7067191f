import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { GrantScope } from "@/components/grants/grant-scope";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { getClient } from "@/lib/server/partner-clients/list-clients";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("client");

/** One client's granted ledgers. A merchant that granted this partner (or accountant) nothing is a 404. */
export default async function ClientPage({ params }: { params: Promise<{ merchantId: string }> }) {
  const ctx = await requirePartnerContext();
  const { merchantId } = await params;
  const client = await getClient(ctx, merchantId);
  if (!client) notFound();
  const [t, tp, tl, tj] = await Promise.all([getTranslations("clientDetail"), getTranslations("partnerClients"), getTranslations("ledgerView"), getTranslations("journal.download")]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: t("back"), href: "/partner/clients" }, { label: client.merchantName }]}
        title={client.merchantName}
        meta={<span className="tabular-nums">{tp("orgNo", { orgNo: client.orgNo })} · {client.country}</span>}
        actions={<Link href={`/partner/clients/${client.merchantId}/journal-accounts`} className={buttonVariants({ variant: "outline", size: "sm" })}>{tj("accounts")}</Link>}
      />
      <Card className="overflow-hidden p-0">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("ledgersTitle")}</TableHead>
              <TableHead>{t("salesUnits")}</TableHead>
              <TableHead>{t("period")}</TableHead>
              <TableHead>{t("data")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {client.ledgers.map((l) => (
              <TableRow key={l.grantId}>
                <TableCell className="align-top">
                  <div className="flex items-center gap-2"><Link href={`/partner/ledgers/${l.ledgerExternalId}`} className="font-mono tabular-nums text-primary hover:underline" aria-label={tl("title", { ledgerId: l.ledgerExternalId })}>{l.ledgerExternalId}</Link><Badge variant="outline">{l.currency}</Badge></div>
                </TableCell>
                <TableCell className="align-top text-sm">
                  {l.salesUnits.map((s) => <div key={s.msn}>{s.name} <span className="text-xs text-muted-foreground tabular-nums">MSN {s.msn}</span></div>)}
                </TableCell>
                <TableCell className="align-top"><GrantScope {...l} /></TableCell>
                <TableCell className="align-top"><GrantStatusBadge status={l.status} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </>
  );
}
