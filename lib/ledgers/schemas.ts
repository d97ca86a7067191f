import { z } from "zod";
import { formError } from "@/lib/validation/form-errors";
import { dateRangeSchema } from "@/lib/ledgers/range";
import { msnSchema } from "@/lib/credentials/schemas";
import { isLedgerDate } from "@/lib/report-api/config";
import { userText } from "@/lib/validation/text";

/**
 * Inputs of the ledger actions. Every failure here is a clear message on a field (INVALID_INPUT), never a 500:
 * malformed dates, a start after the end, ranges over MAX_RANGE_DAYS, oversized strings.
 */
export const ledgerIdSchema = z.string().min(1, formError("ledgerRequired")).max(64, formError("ledgerIdInvalid")).regex(/^[A-Za-z0-9_-]+$/, formError("ledgerIdInvalid"));

const topicSchema = z.enum(["funds", "fees"], { error: formError("chooseTopic") });
const searchSchema = userText({
  max: 100,
  tooLong: formError("searchTooLong", { max: 100 }),
  invalid: formError("searchInvalid"),
}).optional();

/**
 * The entries cursor, "YYYY-MM-DD.position" of the last entry of the previous page. The date must be a real
 * calendar day: "2026-13-45.1" matched the old pattern and reached the database as an invalid date (a 500).
 */
const ENTRIES_CURSOR = /^(\d{4}-\d{2}-\d{2})\.(0|[1-9]\d{0,6})$/;
export const entriesCursorSchema = z
  .string({ error: formError("pageMissing") })
  .max(18, { error: formError("pageMissing"), abort: true })
  .refine((v) => {
    const m = ENTRIES_CURSOR.exec(v);
    return m !== null && isLedgerDate(m[1]!);
  }, formError("pageMissing"));
const cursorSchema = entriesCursorSchema.optional();

const withRange = <T extends z.ZodRawShape>(shape: T) => z.object(shape).and(dateRangeSchema);

export const partnerRangeReadSchema = withRange({ ledgerId: ledgerIdSchema });
export const partnerEntriesReadSchema = withRange({ ledgerId: ledgerIdSchema, topic: topicSchema, search: searchSchema, after: cursorSchema });
export const partnerLedgerRefSchema = z.object({ ledgerId: ledgerIdSchema, jobId: z.uuid().optional() });

export const merchantRangeReadSchema = withRange({ msn: msnSchema });
export const merchantEntriesReadSchema = withRange({ msn: msnSchema, topic: topicSchema, search: searchSchema, after: cursorSchema });
export const merchantLedgerRefSchema = z.object({ msn: msnSchema, jobId: z.uuid().optional() });

