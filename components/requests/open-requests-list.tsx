"use client";

import { Check, X } from "lucide-react";
import { ROW_BUTTON_CLASS, ROW_TEXT_CLASS } from "@/components/ui/list-table";
import { useIconSprite } from "@/components/ui/icon-sprite";
import { SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import { ROW_BADGE_CLASS, RowBadge } from "@/components/ui/row-badge";
import { StatusBadge, type StatusText } from "@/components/requests/answer-cell";

/** One open request as the merchant's card shows it, every text formatted on the server. */
export interface OpenRequestRow {
  id: string;
  /** The partner's org. no., for the card's test id. */
  rawOrgNo: string;
  partner: string;
  status: StatusText;
  /** "Not approved in the directory", when the partner is not. */
  partnerWarning: string | null;
  orgNo: string;
  asked: string;
  expires: string;
  /** Three days or fewer left: the expiry line is a warning. */
  expiresSoon: boolean;
  scope: ScopeText;
  purpose: string;
  /** Why this user cannot answer, or null when they can. */
  readOnly: string | null;
  /** The partner already reads every ledger it asked for: only Decline. */
  nothingToGive: string | null;
  /** "Approve the request of …" and "Decline the request of …". */
  approveLabel: string;
  declineLabel: string;
}

export interface OpenRequestsLabels {
  purpose: string;
  approve: string;
  decline: string;
}

// Card, CardContent and CardFooter (components/ui/card.tsx), set once on the list.
const CARD_CLASS = "request-cards";

/**
 * M4's open requests, one page of cards. A client component without state or effects, only so that the RSC
 * payload carries each card as a few strings (decision 041). Approve and Decline are plain buttons whose clicks
 * bubble to the page's one OpenRequestDecisions, which holds the dialogs.
 */
export function OpenRequestsList({ rows, labels }: { rows: OpenRequestRow[]; labels: OpenRequestsLabels }) {
  const { sprite, icon } = useIconSprite({ ...SCOPE_ICONS, approve: Check, decline: X });
  return (
    <div className={`grid gap-4 ${ROW_TEXT_CLASS} ${ROW_BADGE_CLASS} ${ROW_BUTTON_CLASS} ${SCOPE_LINES_CLASS} ${CARD_CLASS}`}>
      {sprite}
      {rows.map((r) => (
        <div key={r.id} className="rc" data-testid={`open-request-${r.rawOrgNo}`}>
          <div className="rb">
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-base font-semibold">{r.partner}</h3>
                <StatusBadge status={r.status} />
                {r.partnerWarning ? <RowBadge variant="warning">{r.partnerWarning}</RowBadge> : null}
              </div>
              <p className="m tabular-nums">{r.orgNo}</p>
              <p className="m">{r.asked}</p>
              <p className={r.expiresSoon ? "text-xs font-medium text-warning" : "m"}>{r.expires}</p>
            </div>
            <div className="min-w-0 space-y-2">
              <ScopeLines scope={r.scope} icon={icon} />
              <p className="text-sm [overflow-wrap:anywhere]"><span className="text-muted-foreground">{labels.purpose}: </span>{r.purpose}</p>
            </div>
          </div>
          <div className="rf">
            {r.readOnly ? (
              <span className="note mr-auto">{r.readOnly}</span>
            ) : (
              <>
                <button type="button" className="bt o" data-request-id={r.id} data-partner={r.partner} data-decision="decline" aria-label={r.declineLabel}>{icon("decline")}{labels.decline}</button>
                {r.nothingToGive ? (
                  <span className="note">{r.nothingToGive}</span>
                ) : (
                  <button type="button" className="bt" data-request-id={r.id} data-decision="approve" aria-label={r.approveLabel}>{icon("approve")}{labels.approve}</button>
                )}
              </>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
