"use client";
import { useTranslations } from "next-intl";
import type { CheckProblem, DayCheck } from "@/lib/ledgers/day-summary";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/**
 * Why a date's checks failed or wait, in words on the date's own row: a failed check names the entry and the
 * amounts, a pending one says what it waits for. Null when every check passes.
 */
export function DayChecksReasons({ checks, currency, open }: { checks: DayCheck[]; currency: string; open: boolean }) {
  const t = useTranslations("ledgerChecks");
  const f = useLedgerFormat(currency);
  const shown = [...checks.filter((c) => c.status === "failed"), ...checks.filter((c) => c.status === "pending")];
  if (shown.length === 0) return null;

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

  return (
    <ul className="space-y-1 text-xs">
      {shown.map((c) => (
        <li key={c.kind} className="flex flex-wrap items-baseline gap-x-2">
          <span className={c.status === "failed" ? "font-semibold text-danger" : "font-medium text-foreground"}>
            {t(c.kind)}: {t(c.status)}
          </span>
          <span className="text-muted-foreground">
            {[...c.problems.map(reason), ...(c.problems.length === 0 && open ? [t("pendingOpen")] : []), ...(c.problemCount > c.problems.length ? [t("more", { count: c.problemCount - c.problems.length })] : [])].join(" ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
