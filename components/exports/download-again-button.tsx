"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fetchDownload } from "@/components/exports/fetch-download";

/**
 * "Download again" of one receipt: the server rebuilds the file and serves it only when its SHA-256 matches the
 * receipt. The answer is fetched first, so a refusal (the rebuilt file differs, the period is no longer shared,
 * too many exports) is shown here in words and never saved as a file that looks like the export.
 */
export function DownloadAgainButton({ href, fallbackName }: { href: string; fallbackName: string }) {
  const t = useTranslations("exports.receipts");
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({ kind: "idle" });

  async function run() {
    setState({ kind: "busy" });
    const outcome = await fetchDownload(href, fallbackName);
    if (outcome.ok) return setState({ kind: "done" });
    if (outcome.kind === "interrupted") return setState({ kind: "error", message: t("downloadAgainInterrupted") });
    setState({ kind: "error", message: outcome.message || t("downloadAgainRefused", { status: outcome.status }) });
  }

  return (
    <div className="flex max-w-64 flex-col items-start gap-1">
      <Button type="button" variant="outline" size="sm" loading={state.kind === "busy"} onClick={() => void run()} title={t("downloadAgainHint")} data-href={href} data-testid="receipt-download-again">
        <Download aria-hidden />
        {t("downloadAgain")}
      </Button>
      <div aria-live="polite" className="text-xs">
        {state.kind === "error" ? (
          <p role="alert" className="text-danger" data-testid="receipt-download-again-error">{state.message}</p>
        ) : state.kind === "done" ? (
          <p className="text-muted-foreground" data-testid="receipt-download-again-done">{t("downloadAgainDone")}</p>
        ) : null}
      </div>
    </div>
  );
}
