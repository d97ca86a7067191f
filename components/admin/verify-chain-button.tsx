"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/app-error";

type Verdict = { ok: true; events: number } | { ok: false; events: number; brokenAtId: string; reason: string };

/** Runs the verify action and shows its verdict in words. */
export function VerifyChainButton({ verifyAction }: { verifyAction: (input: object) => Promise<ActionResult<Verdict>> }) {
  const t = useTranslations("adminAudit");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<Verdict> | null>(null);
  return (
    <div className="space-y-3">
      <Button variant="outline" loading={pending} onClick={() => start(async () => setResult(await verifyAction({})))}>
        <ShieldCheck aria-hidden />
        {pending ? t("verifying") : t("verify")}
      </Button>
      <div aria-live="polite">
        {result && result.ok && result.data.ok ? (
          <Alert variant="success" title={t("verifiedTitle")} description={t("verifiedDescription", { count: result.data.events })} />
        ) : null}
        {result && result.ok && !result.data.ok ? (
          <Alert variant="danger" title={t("brokenTitle", { id: result.data.brokenAtId })} description={t("brokenDescription", { reason: result.data.reason })} />
        ) : null}
        {result && !result.ok ? <Alert variant="danger" title={result.error.message} /> : null}
      </div>
    </div>
  );
}
