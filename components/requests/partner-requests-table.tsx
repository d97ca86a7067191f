"use client";

import { Undo2 } from "lucide-react";
import { ListTable, ROW_BUTTON_CLASS } from "@/components/ui/list-table";
import { useIconSprite } from "@/components/ui/icon-sprite";
import { SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import { AnswerCell, StatusBadge, type AnswerText, type StatusText } from "@/components/requests/answer-cell";

/** One submission as the partner's list shows it, every text formatted on the server. */
export interface PartnerRequestRow {
  id: string;
  testId: string;
  /** "Organisation number …" or "Sales units …". */
  heading: string;
  /** "Accepted by …" and the merchant's org. no., per merchant that accepted; empty while none has. */
  accepted: { key: string; merchant: string; orgNo: string }[];
  /** "Asked by … on …". */
  asked: string;
  scope: ScopeText;
  purpose: string;
  answer: AnswerText;
  status: StatusText;
  /** "Withdraw the request for …" and the target it names, while the request is open. */
  withdraw: { label: string; target: string } | null;
}

export interface PartnerRequestsTableLabels {
  /** Merchant, asked for, answer, status, actions. */
  headers: [string, string, string, string, string];
  pendingMerchant: string;
  purpose: string;
  granted: string;
  withdraw: string;
}

/**
 * P7's table of one page of the firm's submissions. A client component without state or effects, only so that
 * the RSC payload carries each row as a few strings (decision 041). Withdraw is a plain button whose click
 * bubbles to the page's one WithdrawRequestDialog.
 */
export function PartnerRequestsTable({ rows, labels, label }: { rows: PartnerRequestRow[]; labels: PartnerRequestsTableLabels; label: string }) {
  const [merchant, askedFor, answer, status, actions] = labels.headers;
  const { sprite, icon } = useIconSprite({ ...SCOPE_ICONS, withdraw: Undo2 });
  return (
    <>
      {sprite}
      <ListTable aria-label={label} className={`${ROW_BUTTON_CLASS} ${SCOPE_LINES_CLASS}`}>
        <thead>
          <tr>
            <th scope="col" className="w-[24%]">{merchant}</th>
            <th scope="col" className="w-[28%]">{askedFor}</th>
            <th scope="col">{answer}</th>
            <th scope="col">{status}</th>
            <th scope="col" className="w-24"><span className="sr-only">{actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={r.testId}>
              <td>
                <div className="font-medium tabular-nums [overflow-wrap:anywhere]">{r.heading}</div>
                {r.accepted.length > 0 ? (
                  r.accepted.map((a) => (
                    <div key={a.key} className="m" data-testid="accepted-by">
                      {a.merchant} · <span className="tabular-nums">{a.orgNo}</span>
                    </div>
                  ))
                ) : (
                  <div className="m">{labels.pendingMerchant}</div>
                )}
                <div className="m mt-1">{r.asked}</div>
              </td>
              <td>
                <ScopeLines scope={r.scope} icon={icon} />
                <p className="mt-1.5 text-xs text-foreground/80 [overflow-wrap:anywhere]"><span className="text-muted-foreground">{labels.purpose}: </span>{r.purpose}</p>
              </td>
              <td><AnswerCell answer={r.answer} grantedLabel={labels.granted} icon={icon} /></td>
              <td><StatusBadge status={r.status} /></td>
              <td className="text-right">
                {r.withdraw ? (
                  <button type="button" className="bt o" data-withdraw={r.id} data-target={r.withdraw.target} aria-label={r.withdraw.label}>
                    {icon("withdraw")}
                    {labels.withdraw}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ListTable>
    </>
  );
}
