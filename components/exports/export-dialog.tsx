"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Download, FileSpreadsheet } from "lucide-react";
import { fetchDownload } from "@/components/exports/fetch-download";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, controlClasses } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { EXPORT_COLUMNS, PERSONAL_COLUMNS, PURPOSE_COLUMNS, type ExportColumn, type ExportPurpose } from "@/lib/exports/columns";
import { EXPORT_TIME_ZONES } from "@/lib/exports/time-zone";
import { exportOptionsSchema, exportQuery, type ExportOptions } from "@/lib/exports/schemas";
import { formErrorText } from "@/lib/validation/form-errors";
import type { ActionResult } from "@/lib/errors/app-error";

/** What one prepare step reports (lib/server/exports/plan-export.ts PrepareProgress). */
interface PrepareProgress {
  total: number;
  ready: number;
  openDates: string[];
  unavailableDates: string[];
  done: boolean;
}

type Phase =
  | { kind: "idle" }
  | { kind: "preparing"; ready: number; total: number }
  | { kind: "downloading"; bytes: number }
  | { kind: "done"; name: string }
  | { kind: "error"; message: string };

export interface ExportDialogProps {
  /** { ledgerId } for a partner, { msn } for merchant staff: sent with each prepare step. */
  target: Record<string, string>;
  ledgerId: string;
  /** The export route of this ledger (query string added here). */
  href: string;
  prepare: (input: unknown) => Promise<ActionResult<PrepareProgress>>;
  personalData: boolean;
  defaultRange: { from: string; to: string };
  bounds: { from: string | null; to: string };
  /**
   * The voucher journal route of this ledger (partners): offered under "Other formats" for the period chosen
   * here, downloaded like the export (a refusal is shown, never saved).
   */
  journalHref?: string;
}

const STEP_LIMIT = 200;

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * P4: the export dialog of the ledger view. Fetches the period's missing dates first (one server action per
 * few dates, with progress), then receives the streamed file; a stream that ends in an error saves nothing.
 */
export function ExportDialog({ target, ledgerId, href, prepare, personalData, defaultRange, bounds, journalHref }: ExportDialogProps) {
  const t = useTranslations("exports");
  const tErrors = useTranslations("formErrors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(defaultRange.from);
  const [to, setTo] = useState(defaultRange.to);
  const [format, setFormat] = useState<"csv" | "xlsx">("csv");
  const [topics, setTopics] = useState<"both" | "funds" | "fees">("both");
  const [purpose, setPurpose] = useState<ExportPurpose>("bookkeeping");
  const [columns, setColumns] = useState<ExportColumn[]>([...PURPOSE_COLUMNS.bookkeeping]);
  const [tz, setTz] = useState<(typeof EXPORT_TIME_ZONES)[number]>("Europe/Oslo");
  const [includeOpen, setIncludeOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const offered = EXPORT_COLUMNS.filter((c) => c !== "status" && c !== "currency" && (personalData || !PERSONAL_COLUMNS.has(c)));
  const busy = phase.kind === "preparing" || phase.kind === "downloading";

  function choosePurpose(p: ExportPurpose) {
    setPurpose(p);
    setColumns(PURPOSE_COLUMNS[p].filter((c) => personalData || !PERSONAL_COLUMNS.has(c)));
  }

  async function run(options: ExportOptions) {
    // 1. Make every date of the period readable, a few at a time, showing how far it is.
    for (let step = 0; step < STEP_LIMIT; step++) {
      const result = await prepare({ ...target, ...options, columns: options.columns?.join(","), includeOpen: options.includeOpen ? "1" : "0" });
      if (!result.ok) return setPhase({ kind: "error", message: result.error.message });
      const p = result.data;
      if (p.total === 0) return setPhase({ kind: "error", message: t("nothingShared") });
      setPhase({ kind: "preparing", ready: p.ready, total: p.total });
      if (p.unavailableDates.length > 0) return setPhase({ kind: "error", message: t("unavailable", { count: p.unavailableDates.length, dates: p.unavailableDates.slice(0, 3).join(", ") }) });
      if (p.done) {
        if (p.openDates.length > 0 && !options.includeOpen) return setPhase({ kind: "error", message: t("openDatesFound", { count: p.openDates.length, dates: p.openDates.slice(0, 3).join(", ") }) });
        break;
      }
    }
    // 2. Receive the streamed file; only a stream that ends normally becomes a download.
    setPhase({ kind: "downloading", bytes: 0 });
    const outcome = await fetchDownload(`${href}?${exportQuery(options)}`, `ledger-${ledgerId}.${options.format}`, (bytes) => setPhase({ kind: "downloading", bytes }));
    if (!outcome.ok) return setPhase({ kind: "error", message: outcome.kind === "interrupted" ? t("interrupted") : t("failed", { message: outcome.message || String(outcome.status) }) });
    setPhase({ kind: "done", name: outcome.name });
    router.refresh();
  }

  /** The voucher journal of the chosen period (only closed dates are booked; the route says which are not). */
  async function journal() {
    if (!journalHref) return;
    setPhase({ kind: "downloading", bytes: 0 });
    const query = new URLSearchParams({ from, to }).toString();
    const outcome = await fetchDownload(`${journalHref}&${query}`, `journal-${ledgerId}-${from}-${to}.csv`, (bytes) => setPhase({ kind: "downloading", bytes }));
    if (!outcome.ok) return setPhase({ kind: "error", message: outcome.kind === "interrupted" ? t("interrupted") : t("journalFailed", { message: outcome.message || String(outcome.status) }) });
    setPhase({ kind: "done", name: outcome.name });
    router.refresh();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = exportOptionsSchema.safeParse({ from, to, format, topics, purpose, tz, includeOpen: includeOpen ? "1" : "0", columns: columns.join(",") });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? "to")] ??= formErrorText(issue.message, tErrors);
      setErrors(next);
      return;
    }
    setErrors({});
    setPhase({ kind: "preparing", ready: 0, total: 0 });
    run(parsed.data).catch(() => setPhase({ kind: "error", message: t("interrupted") }));
  }

  const select = (value: string, onChange: (v: string) => void, options: [string, string][], name: string) => (
    <select name={name} className={controlClasses} value={value} onChange={(e) => onChange(e.target.value)} disabled={busy}>
      {options.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
    </select>
  );

  return (
    <Dialog open={open} onOpenChange={(next) => { if (!busy) { setOpen(next); if (!next) setPhase({ kind: "idle" }); } }}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="export-open"><Download aria-hidden />{t("open")}</Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>{t("title", { ledgerId })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form id="export-form" onSubmit={submit} className="space-y-4 overflow-y-auto px-6 pb-2" aria-label={t("title", { ledgerId })}>
          <fieldset className="flex flex-wrap gap-3">
            <legend className="mb-1 text-sm font-medium">{t("period")}</legend>
            <Field label={t("from")} error={errors.from} className="w-44">
              <Input type="date" name="from" value={from} min={bounds.from ?? undefined} max={bounds.to} onChange={(e) => setFrom(e.target.value)} disabled={busy} />
            </Field>
            <Field label={t("to")} error={errors.to} className="w-44">
              <Input type="date" name="to" value={to} min={bounds.from ?? undefined} max={bounds.to} onChange={(e) => setTo(e.target.value)} disabled={busy} />
            </Field>
            <p className="w-full text-xs text-muted-foreground">{t("periodHint")}</p>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label={t("format")}>{select(format, (v) => setFormat(v as "csv" | "xlsx"), [["csv", t("formatCsv")], ["xlsx", t("formatXlsx")]], "format")}</Field>
            <Field label={t("topics")}>{select(topics, (v) => setTopics(v as "both"), [["both", t("topicsBoth")], ["funds", t("topicsFunds")], ["fees", t("topicsFees")]], "topics")}</Field>
            <Field label={t("purpose")} description={t("purposeHint")}>
              {select(purpose, (v) => choosePurpose(v as ExportPurpose), [["bookkeeping", t("purposeBookkeeping")], ["reconciliation", t("purposeReconciliation")], ["full", t("purposeFull")]], "purpose")}
            </Field>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("columns")}</legend>
            <div className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
              {offered.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm">
                  <Checkbox
                    name={`col-${c}`}
                    checked={columns.includes(c)}
                    disabled={busy}
                    onCheckedChange={(on) => setColumns((prev) => (on ? [...prev, c] : prev.filter((x) => x !== c)))}
                  />
                  {t(`col.${c}`)}
                </label>
              ))}
            </div>
            {errors.columns ? <p className="mt-1 text-sm text-danger">{errors.columns}</p> : null}
            {personalData ? null : <p className="mt-2 text-xs text-muted-foreground">{t("personalNotShared")}</p>}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("timeZone")} description={t("timeZoneHint")}>{select(tz, (v) => setTz(v as typeof tz), EXPORT_TIME_ZONES.map((z) => [z, z]), "tz")}</Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox name="includeOpen" checked={includeOpen} disabled={busy} onCheckedChange={(on) => setIncludeOpen(on === true)} />
            {t("includeOpen")}
          </label>
          {journalHref ? (
            <div className="rounded-md border border-border p-3 text-sm" data-testid="export-other-formats">
              <p className="mb-1 font-medium">{t("otherFormats")}</p>
              <div className="flex flex-wrap items-center gap-2">
                <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => void journal().catch(() => setPhase({ kind: "error", message: t("interrupted") }))} data-testid="export-journal">
                  <FileSpreadsheet aria-hidden />
                  {t("journal")}
                </Button>
                <span className="text-xs text-muted-foreground">{t("journalHint")}</span>
              </div>
            </div>
          ) : null}
          <div aria-live="polite">
            {phase.kind === "preparing" ? (
              <div className="space-y-1" data-testid="export-progress">
                <Progress value={phase.total ? phase.ready : null} max={phase.total || 100} label={t("preparingLabel")} valueText={t("preparing", { ready: phase.ready, total: phase.total })} />
                <p className="text-xs text-muted-foreground">{t("preparing", { ready: phase.ready, total: phase.total })}</p>
              </div>
            ) : phase.kind === "downloading" ? (
              <div className="space-y-1" data-testid="export-progress">
                <Progress value={null} label={t("downloadingLabel")} />
                <p className="text-xs text-muted-foreground">{t("downloading", { size: sizeText(phase.bytes) })}</p>
              </div>
            ) : phase.kind === "done" ? (
              <Alert variant="success" role="status" title={t("done", { name: phase.name })} data-testid="export-done" />
            ) : phase.kind === "error" ? (
              <Alert variant="danger" role="alert" title={phase.message} data-testid="export-error" />
            ) : null}
          </div>
        </form>
        <DialogFooter>
          <Button variant="outline" type="button" onClick={() => setOpen(false)} disabled={busy}>{t("cancel")}</Button>
          <Button type="submit" form="export-form" loading={busy} data-testid="export-submit"><Download aria-hidden />{t("submit")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
