import { z } from "zod";
import { dateRangeSchema } from "@/lib/ledgers/range";
import { msnSchema } from "@/lib/credentials/schemas";

/**
 * Inputs of the ledger actions. Every failure here is a clear message on a field (INVALID_INPUT), never a 500:
 * malformed dates, a start after the end, ranges over MAX_RANGE_DAYS, oversized strings.
 */
export const ledgerIdSchema = z.string().min(1, "A ledger is required.").max(64, "That is not a ledger id.").regex(/^[A-Za-z0-9_-]+$/, "That is not a ledger id.");

const topicSchema = z.enum(["funds", "fees"], { error: "Choose funds or fees." });
const searchSchema = z.string().trim().max(100, "Search for at most 100 characters.").optional();
const cursorSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d{1,7}$/, "That page does not exist.").optional();

const withRange = <T extends z.ZodRawShape>(shape: T) => z.object(shape).and(dateRangeSchema);

export const partnerRangeReadSchema = withRange({ ledgerId: ledgerIdSchema });
export const partnerEntriesReadSchema = withRange({ ledgerId: ledgerIdSchema, topic: topicSchema, search: searchSchema, after: cursorSchema });
export const partnerLedgerRefSchema = z.object({ ledgerId: ledgerIdSchema, jobId: z.uuid().optional() });

export const merchantRangeReadSchema = withRange({ msn: msnSchema });
export const merchantEntriesReadSchema = withRange({ msn: msnSchema, topic: topicSchema, search: searchSchema, after: cursorSchema });
export const merchantLedgerRefSchema = z.object({ msn: msnSchema, jobId: z.uuid().optional() });

/** The range in a page's search params, parsed the same way (bad input becomes a message, not an error page). */
export const rangeSearchParamsSchema = dateRangeSchema;
