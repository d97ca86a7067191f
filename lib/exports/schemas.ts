import { z } from "zod";
import { daysInRange } from "@/lib/ledgers/range";
import { ledgerIdSchema } from "@/lib/ledgers/schemas";
import { msnSchema } from "@/lib/credentials/schemas";
import { isLedgerDate } from "@/lib/report-api/config";
import { EXPORT_COLUMNS, EXPORT_PURPOSES, type ExportColumn } from "@/lib/exports/columns";
import { EXPORT_TIME_ZONES } from "@/lib/exports/time-zone";
import { formError } from "@/lib/validation/form-errors";

/**
 * The options of a ledger export, from a route's query string or a server action's input. Every mistake is a
 * plain message (HTTP 400 / INVALID_INPUT), never a 500; messages are `formErrors` keys (decision 042). An export covers at most a year of ledger dates.
 */
export const MAX_EXPORT_DAYS = 366;

const dateSchema = z.string({ error: formError("enterDate") }).max(10, { error: formError("dateFormat"), abort: true }).refine(isLedgerDate, formError("realDate"));
const columnsSchema = z
  .string()
  .max(400, { error: formError("fewerColumns"), abort: true })
  .transform((v) => v.split(",").filter(Boolean))
  .refine((list) => list.every((c) => (EXPORT_COLUMNS as readonly string[]).includes(c)), formError("columnsFromList"))
  .transform((list) => list as ExportColumn[]);
const flag = z.enum(["0", "1", "true", "false"], { error: formError("yesOrNo") }).transform((v) => v === "1" || v === "true");

export const exportOptionsShape = {
  from: dateSchema,
  to: dateSchema,
  format: z.enum(["csv", "xlsx"], { error: formError("chooseFormat") }),
  topics: z.enum(["funds", "fees", "both"], { error: formError("chooseTopics") }).default("both"),
  purpose: z.enum(EXPORT_PURPOSES, { error: formError("choosePurpose") }).default("bookkeeping"),
  columns: columnsSchema.optional(),
  tz: z.enum(EXPORT_TIME_ZONES, { error: formError("chooseTimeZone") }).default("Europe/Oslo"),
  includeOpen: flag.default(false),
};

const ordered = <T extends { from: string; to: string }>(s: z.ZodType<T>) =>
  s
    .refine((r) => !isLedgerDate(r.from) || !isLedgerDate(r.to) || r.from <= r.to, { message: formError("order"), path: ["to"] })
    .refine((r) => !isLedgerDate(r.from) || !isLedgerDate(r.to) || r.from > r.to || daysInRange(r) <= MAX_EXPORT_DAYS, {
      message: formError("tooLong", { max: MAX_EXPORT_DAYS }),
      path: ["to"],
    });

export const exportOptionsSchema = ordered(z.object(exportOptionsShape).strict());
export type ExportOptions = z.output<typeof exportOptionsSchema>;

export const partnerExportPrepareSchema = ordered(z.object({ ...exportOptionsShape, ledgerId: ledgerIdSchema }).strict());
export const merchantExportPrepareSchema = ordered(z.object({ ...exportOptionsShape, msn: msnSchema }).strict());

export const receiptIdSchema = z.uuid({ error: formError("receiptMissing") });

/** The query string of an export route back to options (unknown keys ignored: a link may carry more). */
export function parseExportQuery(params: URLSearchParams): { ok: true; options: ExportOptions } | { ok: false; message: string } {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(exportOptionsShape)) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  const parsed = exportOptionsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, options: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? formError("exportOptions") };
}

/** Options to a query string (the dialog builds the download link with it). */
export function exportQuery(o: ExportOptions): string {
  const sp = new URLSearchParams({ from: o.from, to: o.to, format: o.format, topics: o.topics, purpose: o.purpose, tz: o.tz, includeOpen: o.includeOpen ? "1" : "0" });
  if (o.columns && o.columns.length > 0) sp.set("columns", o.columns.join(","));
  return sp.toString();
}
