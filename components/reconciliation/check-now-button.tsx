"use client";
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors/app-error";

type Started = { runId: string; alreadyRunning: boolean };

/**
 * Starts a reconciliation run (queued on the job queue) and refreshes the page every two seconds while a run is
 * under way, so its findings appear without a reload.
 */
export function CheckNowButton({ checkAction, running }: { checkAction: (input: object) => Promise<ActionResult<Started>>; running: boolean }) {
  const t = useTranslations("reconciliation");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<Started> | null>(null);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        loading={pending || running}
        onClick={() =>
          start(async () => {
            const r = await checkAction({});
            setResult(r);
            router.refresh();
          })
        }
      >
        <RefreshCw aria-hidden />
        {running ? t("checking") : t("checkNow")}
      </Button>
      <div aria-live="polite" className="text-sm">
        {result && !result.ok ? <Alert variant="danger" title={result.error.message} /> : null}
        {result && result.ok && running ? <span className="text-muted-foreground">{result.data.alreadyRunning ? t("alreadyRunning") : t("queued")}</span> : null}
      </div>
    </div>
  );
}
