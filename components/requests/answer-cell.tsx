import type { ReactNode } from "react";
import { ScopeLines, type SCOPE_ICONS, type ScopeText } from "@/components/lists/lean-table";

type BadgeVariant = "neutral" | "success" | "warning" | "danger" | "info" | "outline";

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

/** A request's answer in a lean table row (components/lists/lean-table.tsx): as RequestAnswer draws it. */
export function AnswerCell({ answer, grantedLabel, icon }: { answer: AnswerText; grantedLabel: string; icon: (name: keyof typeof SCOPE_ICONS, className?: string) => ReactNode }) {
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
    <span className={`b v-${status.variant}`} data-status={status.status}>
      <span aria-hidden="true" className="d" />
      {status.text}
    </span>
  );
}
