"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { PlugZap } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/app-error";
import type { ConnectionTestResult } from "@/lib/credentials/types";

/**
 * "Test connection": the server fetches a token with the stored keys and lists the ledgers upstream lets them
 * read. The result is said in words under the button (a live region), including why a shared ledger is absent.
 */
export function TestConnection({ run, label, ariaLabel, sharedLedger = false, leading }: { run: () => Promise<ActionResult<ConnectionTestResult>>; label: string; ariaLabel?: string; sharedLedger?: boolean; leading?: ReactNode }) {
  const t = useTranslations("apiKeys");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ActionResult<ConnectionTestResult> | null>(null);

  async function test() {
    setPending(true);
    try {
      const result = await run();
      setOutcome(result);
      if (result.ok && result.data.ok) router.refresh();
    } finally {
      setPending(false);
    }
  }

  let message = null;
  if (outcome && !outcome.ok) message = <Alert variant="danger" title={t("problemTitle")} description={outcome.error.message} />;
  else if (outcome?.ok && !outcome.data.ok) message = <Alert variant="danger" title={t("problemTitle")} description={t(outcome.data.problem)} />;
  else if (outcome?.ok && outcome.data.ok) {
    const ledgers = outcome.data.ledgers;
    message = (
      <Alert
        variant="success"
        title={t("okTitle")}
        description={ledgers.length > 0 ? t("okLedgers", { count: ledgers.length, ledgers: ledgers.map((l) => `${l.ledgerId}${l.currency ? ` (${l.currency})` : ""}`).join(", ") }) : sharedLedger ? t("okNoLedgersShared") : t("okNoLedgers")}
      />
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {leading}
        <Button variant="outline" size="sm" onClick={() => void test()} loading={pending} aria-label={ariaLabel}>
          <PlugZap aria-hidden />
          {label}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="connection-result">
        {message}
      </div>
    </div>
  );
}
