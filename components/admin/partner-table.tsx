"use client";

import { ListTable } from "@/components/ui/list-table";
import { RowBadge } from "@/components/ui/row-badge";
import { PartnerStepButton } from "@/components/admin/partner-step-button";

type PartnerStatus = "pending" | "approved" | "suspended";

/** One partner as the directory shows it: every text already formatted on the server. */
export interface PartnerTableRow {
  id: string;
  name: string;
  /** "Org. no. 912 345 678 (NO)". */
  orgNo: string;
  rawOrgNo: string;
  status: PartnerStatus;
  /** Under the status: the suspension's reason or the approval date, or nothing. */
  note: string | null;
  staff: number;
  /** The live grants as a link to the overview filtered to the partner, or null when there are none. */
  grants: { href: string; text: string } | null;
  keysStored: boolean;
}

export interface PartnerTableLabels {
  headers: [string, string, string, string, string, string];
  status: Record<PartnerStatus, string>;
  step: Record<PartnerStatus, string>;
  keysStored: string;
  noKeys: string;
}

const VARIANT: Record<PartnerStatus, "info" | "success" | "danger"> = { pending: "info", approved: "success", suspended: "danger" };

/**
 * A4's table of one page of partners. Like the overview's table (decision 027), a client component without state
 * or effects only so that the RSC payload carries each row as a few strings rather than its element tree, with the
 * cell styles set once on the table (decision 041). The step buttons' clicks bubble to the page's one
 * PartnerStatusDialog.
 */
export function PartnerTable({ rows, labels }: { rows: PartnerTableRow[]; labels: PartnerTableLabels }) {
  const [partner, status, staff, grants, keys, actions] = labels.headers;
  return (
    <ListTable className="[&_td.n]:text-right [&_td.n]:tabular-nums [&_th.n]:text-right">
      <thead>
        <tr>
          <th scope="col">{partner}</th>
          <th scope="col">{status}</th>
          <th scope="col" className="n">{staff}</th>
          <th scope="col" className="n">{grants}</th>
          <th scope="col">{keys}</th>
          <th scope="col"><span className="sr-only">{actions}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-testid="partner-row" data-org-no={p.rawOrgNo}>
            <td>
              <div className="font-medium">{p.name}</div>
              <div className="m tabular-nums">{p.orgNo}</div>
            </td>
            <td>
              <RowBadge variant={VARIANT[p.status]} dot data-testid="partner-status">{labels.status[p.status]}</RowBadge>
              {p.note ? <div className="m mt-1 max-w-64">{p.note}</div> : null}
            </td>
            <td className="n">{p.staff}</td>
            <td className="n">{p.grants ? <a className="l" href={p.grants.href}>{p.grants.text}</a> : "0"}</td>
            <td>{p.keysStored ? <RowBadge variant="outline">{labels.keysStored}</RowBadge> : <span className="text-muted-foreground">{labels.noKeys}</span>}</td>
            <td className="text-right">
              {/* keyed by status: a changed step is a new button, not the old one fading to new colours */}
              <PartnerStepButton key={p.status} partnerId={p.id} name={p.name} status={p.status} label={labels.step[p.status]} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListTable>
  );
}
