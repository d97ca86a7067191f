"use client";

import { ListTable } from "@/components/ui/list-table";
import { useIconSprite } from "@/components/ui/icon-sprite";
import { SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import { AnswerCell, StatusBadge, type AnswerText, type StatusText } from "@/components/requests/answer-cell";

/** One answered request in the merchant's history, every text formatted on the server. */
export interface RequestHistoryRow {
  id: string;
  /** The partner's org. no., for the row's test id. */
  rawOrgNo: string;
  partner: string;
  orgNo: string;
  asked: string;
  scope: ScopeText;
  answer: AnswerText;
  status: StatusText;
}

/**
 * M4's history, one page of answered requests. A client component without state or effects, only so that the
 * RSC payload carries each row as a few strings (decision 041).
 */
export function RequestHistoryTable({ rows, headers, label, grantedLabel }: { rows: RequestHistoryRow[]; headers: [string, string, string, string]; label: string; grantedLabel: string }) {
  const [partner, askedFor, answer, status] = headers;
  const { sprite, icon } = useIconSprite(SCOPE_ICONS);
  return (
    <>
      {sprite}
      <ListTable aria-label={label} className={SCOPE_LINES_CLASS}>
        <thead>
          <tr>
            <th scope="col" className="w-[24%]">{partner}</th>
            <th scope="col" className="w-[30%]">{askedFor}</th>
            <th scope="col">{answer}</th>
            <th scope="col">{status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`past-request-${r.rawOrgNo}`}>
              <td>
                <div className="font-medium">{r.partner}</div>
                <div className="m tabular-nums">{r.orgNo}</div>
                <div className="m mt-1">{r.asked}</div>
              </td>
              <td><ScopeLines scope={r.scope} icon={icon} /></td>
              <td><AnswerCell answer={r.answer} grantedLabel={grantedLabel} icon={icon} /></td>
              <td><StatusBadge status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </ListTable>
    </>
  );
}
