"use client";

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/** One grant as the table shows it: every text already formatted on the server, nothing else. */
export interface OverviewTableRow {
  id: string;
  merchantName: string;
  merchantOrgNo: string;
  merchantHref: string;
  /** Name and MSN of at most three sales units, and "and N more" when there are more. */
  units: [string, string][];
  moreUnits: string | null;
  ledger: string;
  currency: string;
  partnerName: string;
  partnerOrgNo: string;
  partnerSuspended: boolean;
  period: string;
  scope: string;
  status: GrantDisplayStatus;
  outOfSync: boolean;
  grantedBy: string;
  approvedBy: string | null;
  lastUse: string;
}

export interface OverviewTableLabels {
  headers: [string, string, string, string, string, string, string, string];
  status: Record<GrantDisplayStatus, string>;
  partnerSuspended: string;
  outOfSync: string;
}

const VARIANT: Record<GrantDisplayStatus, BadgeVariant> = {
  active: "success", expiring_soon: "warning", pending_approval: "info", revoked: "neutral", expired: "neutral", declined: "danger",
};

/**
 * A1's table of one page of grants. A client component only so that the server sends each row as its data (a few
 * short strings) rather than as a tree of elements: the HTML is rendered once on the server and the RSC payload
 * carries the props, about half the bytes and work of a server-rendered table (docs/performance.md, admin
 * console). It has no state or effects; links are plain (a full navigation).
 */
export function OverviewTable({ rows, labels }: { rows: OverviewTableRow[]; labels: OverviewTableLabels }) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className="w-full border-collapse text-sm [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th]:h-9 [&_th]:px-3 [&_th]:text-left [&_th]:text-xs [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_th:first-child]:pl-5 [&_th:last-child]:pr-5 [&_tbody_tr]:border-b [&_tbody_tr]:border-border [&_tbody_tr:last-child]:border-0 [&_.m]:text-xs [&_.m]:text-muted-foreground [&_a.l]:text-primary [&_a.l:hover]:underline">
        <thead className="border-b border-border bg-muted/60">
          <tr>
            {labels.headers.map((h) => (
              <th key={h} scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.id} data-testid="overview-row" data-grant-id={g.id}>
              <td>
                <a className="l font-medium" href={g.merchantHref}>{g.merchantName}</a>
                <div className="m tabular-nums">{g.merchantOrgNo}</div>
              </td>
              <td>
                {g.units.map(([name, msn]) => (
                  <div key={msn}>{name} <span className="m tabular-nums">{`· ${msn}`}</span></div>
                ))}
                {g.moreUnits ? <div className="m">{g.moreUnits}</div> : null}
              </td>
              <td>
                <a className="l font-mono tabular-nums" href={`/admin/access/grants/${g.id}`} data-testid="overview-grant-link">{g.ledger}</a>
                <div className="m">{g.currency}</div>
              </td>
              <td>
                <div>{g.partnerName}</div>
                <div className="m tabular-nums">{g.partnerOrgNo}</div>
                {g.partnerSuspended ? <Badge variant="danger" className="mt-1">{labels.partnerSuspended}</Badge> : null}
              </td>
              <td>
                <div>{g.period}</div>
                <div className="m">{g.scope}</div>
              </td>
              <td>
                <Badge variant={VARIANT[g.status]} dot>{labels.status[g.status]}</Badge>
                {g.outOfSync ? <a href="/admin/reconciliation" className="mt-1 block"><Badge variant="warning">{labels.outOfSync}</Badge></a> : null}
              </td>
              <td>
                <div>{g.grantedBy}</div>
                {g.approvedBy ? <div className="m">{g.approvedBy}</div> : null}
              </td>
              <td className="whitespace-nowrap tabular-nums">{g.lastUse}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
