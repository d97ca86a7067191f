import type { BadgeVariant } from "@/components/ui/badge";
import { RowBadge } from "@/components/ui/row-badge";
import { ScopeLines, type ScopeIcon, type ScopeText } from "@/components/ui/scope-lines";

/** A status in words with its colour, formatted on the server. */
export interface StatusText {
  status: string;
  text: string;
  variant: BadgeVariant;
}

/** RequestAnswer's words as strings (app/_shared/request-answer-text.ts): a line, and for an approval what was given. */
export interface AnswerText {
  line: string | null;
  grants: { grantId: string; ledger: string; status: StatusText; scope: ScopeText }[] | null;
}

/** A request's answer in a list table row (components/ui/list-table.tsx): as RequestAnswer draws it. */
export function AnswerCell({ answer, grantedLabel, icon }: { answer: AnswerText; grantedLabel: string; icon: ScopeIcon }) {
  if (!answer.grants) return answer.line ? <p className="m">{answer.line}</p> : null;
  return (
    <div className="space-y-2">
      {answer.line ? <p className="m">{answer.line}</p> : null}
      <ul className="space-y-2" aria-label={grantedLabel}>
        {answer.grants.map((g) => (
          <li key={g.grantId} className="space-y-1" data-testid={`request-grant-${g.ledger}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="mono">{g.ledger}</span>
              <StatusBadge status={g.status} />
            </div>
            <ScopeLines scope={g.scope} icon={icon} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A request's or grant's status badge in a lean table row (as RequestStatusBadge and GrantStatusBadge draw it). */
export function StatusBadge({ status }: { status: StatusText }) {
  return (
    <RowBadge variant={status.variant} dot data-status={status.status}>{status.text}</RowBadge>
  );
}
