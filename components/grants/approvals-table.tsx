"use client";

import Link from "next/link";
import { Check, X } from "lucide-react";
import { ListTable, ROW_BUTTON_CLASS } from "@/components/ui/list-table";
import { useIconSprite } from "@/components/ui/icon-sprite";
import { GRANT_SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import { RowBadge } from "@/components/ui/row-badge";

/** One grant waiting for a second admin, every text formatted on the server. */
export interface ApprovalRow {
  id: string;
  /** The partner's org. no., for the row's test id. */
  orgNo: string;
  partner: string;
  /** "Asked for by … · 3 days ago". */
  asked: string;
  ledger: string;
  currency: string;
  /** "Name · MSN 123456" per sales unit the ledger settles. */
  units: string[];
  scope: ScopeText;
  reasons: string[];
  /** The access in one line for the approval's confirmation; null when this admin cannot decide. */
  decideScope: string | null;
  ownRequest: boolean;
}

export interface ApprovalsTableLabels {
  headers: [string, string, string, string, string];
  approve: string;
  decline: string;
  yourRequest: string;
  open: string;
}

/**
 * M5's table of one page of grants waiting for approval. A client component without state or effects, only so
 * that the RSC payload carries each row as a few strings (decision 041). Approve and Decline are plain buttons
 * whose clicks bubble to the page's one GrantDecisionDialog, which reads the row from their data attributes.
 */
export function ApprovalsTable({ rows, labels }: { rows: ApprovalRow[]; labels: ApprovalsTableLabels }) {
  const [partner, ledger, scope, why, open] = labels.headers;
  const { sprite, icon } = useIconSprite({ ...GRANT_SCOPE_ICONS, approve: Check, decline: X });
  return (
    <>
      {sprite}
      <ListTable className={`${ROW_BUTTON_CLASS} ${SCOPE_LINES_CLASS} [&_a.l]:text-[0.8125rem] [&_a.l]:font-medium [&_.u]:mt-1 [&_.r]:flex [&_.r]:flex-wrap [&_.r]:gap-1.5 [&_.act]:flex [&_.act]:flex-col [&_.act]:items-end [&_.act]:gap-2`}>
        <thead>
          <tr>
            <th scope="col">{partner}</th>
            <th scope="col">{ledger}</th>
            <th scope="col">{scope}</th>
            <th scope="col">{why}</th>
            <th scope="col" className="text-right"><span className="sr-only">{open}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`approval-${r.orgNo}-${r.ledger}`}>
              <td>
                <div className="font-medium">{r.partner}</div>
                <div className="m">{r.asked}</div>
              </td>
              <td>
                <div className="flex items-center gap-2"><span className="mono">{r.ledger}</span><RowBadge variant="outline">{r.currency}</RowBadge></div>
                <ul className="m u">{r.units.map((u) => <li key={u}>{u}</li>)}</ul>
              </td>
              <td><ScopeLines scope={r.scope} icon={icon} /></td>
              <td>
                <ul className="r">{r.reasons.map((reason) => <li key={reason}><RowBadge variant="info">{reason}</RowBadge></li>)}</ul>
              </td>
              <td>
                <div className="act">
                  {r.decideScope !== null ? (
                    <div className="flex flex-wrap gap-2" data-grant-id={r.id} data-partner={r.partner} data-ledger={r.ledger} data-scope={r.decideScope}>
                      <button type="button" className="bt" data-decide="approve">{icon("approve")}{labels.approve}</button>
                      <button type="button" className="bt o" data-decide="decline">{icon("decline")}{labels.decline}</button>
                    </div>
                  ) : r.ownRequest ? (
                    <span className="m text-right">{labels.yourRequest}</span>
                  ) : null}
                  {/* No prefetch: 25 rows would fetch 25 grant pages on every view. */}
                  <Link className="l" href={`/merchant/partners/grants/${r.id}`} prefetch={false} aria-label={`${labels.open}: ${r.partner}, ${r.ledger}`}>{labels.open}</Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </ListTable>
    </>
  );
}
