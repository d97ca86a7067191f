"use client";
import { useTranslations } from "next-intl";
import { CircleCheck, CircleDashed, OctagonAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { CheckProblem, DayCheck } from "@/lib/ledgers/day-summary";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/**
 * The checks of one ledger date, with the reason on the row: a failed check names the entry and the amounts,
 * a pending one says what it waits for. Words first, colour second.
 */
export function DayChecks({ checks, currency, open = false }: { checks: DayCheck[]; currency: string; open?: boolean }) {
  const t = useTranslations("ledgerChecks");
  const f = useLedgerFormat(currency);
  if (checks.length === 0) return <span className="text-muted-foreground">—</span>;

  const reason = (p: CheckProblem): string => {
    switch (p.code) {
      case "amountMismatch":
      case "chainBreak":
        return t(p.code, { topic: t(p.topic), psp: p.pspReference, expected: f.money(p.expected), actual: f.money(p.actual) });
      case "payoutLeavesBalance":
        return t(p.code, { psp: p.pspReference, actual: f.money(p.actual) });
      case "captureWithoutFee":
      case "feeWithoutCapture":
        return t(p.code, { psp: p.pspReference });
      case "feeMayFollow":
      case "captureMayPrecede":
        return t(p.code, { count: p.count });
    }
  };

  const failed = checks.filter((c) => c.status === "failed");
  const pending = checks.filter((c) => c.status === "pending");
  if (failed.length === 0 && pending.length === 0) {
    return (
      <Badge variant="success" title={t("allOkDetail")}>
        <CircleCheck aria-hidden />
        {t("allOk")}
      </Badge>
    );
  }
  return (
    <ul className="min-w-56 max-w-80 space-y-1.5">
      {[...failed, ...pending].map((c) => (
        <li key={c.kind} className="space-y-0.5">
          <Badge variant={c.status === "failed" ? "danger" : "neutral"} className="whitespace-normal">
            {c.status === "failed" ? <OctagonAlert aria-hidden /> : <CircleDashed aria-hidden />}
            {t(c.kind)}: {t(c.status)}
          </Badge>
          <ul className="text-xs text-muted-foreground">
            {c.problems.map((p, i) => (
              <li key={i}>{reason(p)}</li>
            ))}
            {c.problems.length === 0 && open ? <li>{t("pendingOpen")}</li> : null}
            {c.problemCount > c.problems.length ? <li>{t("more", { count: c.problemCount - c.problems.length })}</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}
