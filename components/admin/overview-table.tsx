"use client";

import { RowBadge } from "@/components/ui/row-badge";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
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
  status: Record<GrantDisplayStatus, string>;
  partnerSuspended: string;
  outOfSync: string;
}

/**
 * The rows of A1's table of one page of grants (the table and its header are the server's: OverviewRows). A
 * client component only so that the server sends each row as its data (a few short strings) rather than as a tree
 * of elements: the HTML is rendered once on the server and the RSC payload carries the props, about half the
 * bytes and work of a server-rendered table (docs/performance.md, admin console). It has no state or effects;
 * links are plain (a full navigation); cell and badge styles are set once on the table (ListTable, decision 045),
 * which stays on the server, so its classes are not in the page's JavaScript (decision 049).
 */
export function OverviewTableBody({ rows, labels }: { rows: OverviewTableRow[]; labels: OverviewTableLabels }) {
  return (
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
            {g.partnerSuspended ? <RowBadge variant="danger" className="mt-1">{labels.partnerSuspended}</RowBadge> : null}
          </td>
          <td>
            <div>{g.period}</div>
            <div className="m">{g.scope}</div>
          </td>
          <td>
            <RowBadge variant={GRANT_STATUS_VARIANT[g.status]} dot>{labels.status[g.status]}</RowBadge>
            {g.outOfSync ? <a href="/admin/reconciliation" className="mt-1 block"><RowBadge variant="warning">{labels.outOfSync}</RowBadge></a> : null}
          </td>
          <td>
            <div>{g.grantedBy}</div>
            {g.approvedBy ? <div className="m">{g.approvedBy}</div> : null}
          </td>
          <td className="whitespace-nowrap tabular-nums">{g.lastUse}</td>
        </tr>
      ))}
    </tbody>
  );
}
