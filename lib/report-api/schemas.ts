/**
 * zod parsers for every Report API and token response. Forward compatible by design: unknown fields are accepted
 * (and dropped), `entryType` is any non-empty string, fields added after the 2023 spec are optional. Money is
 * integer minor units and anything else is rejected, so a float never reaches the books.
 */
import { z } from "zod";
import { isMinorUnits, type MoneyCurrency } from "@/lib/money";

const ledgerDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/**
 * Signed integer minor units (øre/cents), a safe integer (decision 039): JSON.parse has already rounded anything
 * beyond 2^53, so a larger value cannot be trusted and is refused rather than booked a few øre off.
 */
export const moneySchema = z.number().int().refine(isMinorUnits, "expected a safe integer of minor units");

/** `tryLater`/`hasMore` are JSON booleans per spec; community code saw strings, so accept "true"/"false" too. */
const looseBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/**
 * ISO 8601 date-time with a UTC designator or an offset. Dec 2023 spec: UTC with microseconds (`…123456Z`);
 * older examples: `+0200` (no colon), which zod's ISO check does not take, so that form is checked as `+02:00`.
 * The wire value is kept as sent. A bad `time` fails here rather than as a RangeError in a view.
 */
const isoDateTime = z.iso.datetime({ offset: true });
export const entryTimeSchema = z
  .string()
  .refine((v) => isoDateTime.safeParse(v.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")).success && !Number.isNaN(Date.parse(v)), "expected an ISO 8601 date-time with an offset");

/** ISO 4217 alphabetic code: three upper-case letters. */
export const iso4217Schema = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code");
/**
 * The currencies the Report API documents (NOK, DKK, EUR). An entry in any other currency is refused: the books
 * and the cache's column (the `Currency` enum) hold only these, and a new one needs both changed on purpose.
 */
export const ENTRY_CURRENCIES = ["NOK", "DKK", "EUR"] as const satisfies readonly MoneyCurrency[];
export const currencySchema = iso4217Schema.pipe(z.enum(ENTRY_CURRENCIES));

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

export const ledgerEntrySchema = z.object({
  pspReference: z.string(),
  time: entryTimeSchema,
  ledgerDate: ledgerDateString,
  entryType: z.string().min(1),
  /** Empty on `fees-retained`; tolerated as null/absent and normalised to "". */
  reference: z
    .string()
    .nullish()
    .transform((v) => v ?? ""),
  currency: currencySchema,
  amount: moneySchema,
  balanceBefore: moneySchema,
  balanceAfter: moneySchema,
  /** Null on payouts, retained fees and much pre-2022 data. */
  recipientHandle: nullableString,
  /** GDPR fields: only with `includeGDPRSensitiveData=true`, only for VM-number payments. */
  name: nullableString,
  maskedPhoneNo: nullableString,
  message: nullableString,
});
export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

/** Dates endpoint: `cursor` only while `hasMore`; `tryLater` while the date is open. */
export const ledgerDatePageSchema = z
  .object({
    cursor: z.string().nullish(),
    hasMore: looseBoolean.optional(),
    tryLater: looseBoolean.optional(),
    items: z.array(ledgerEntrySchema),
  })
  .transform((p) => {
    const cursor = p.cursor ? p.cursor : undefined;
    // `hasMore` is always sent since Nov 2023; if it ever goes missing, a cursor still means "more pages".
    return { cursor, hasMore: p.hasMore ?? cursor !== undefined, tryLater: p.tryLater ?? false, items: p.items };
  });
export type LedgerDatePageRaw = z.output<typeof ledgerDatePageSchema>;

/** Feed endpoint: `cursor` always present and never empty; `tryLater` at the end of the feed; no `hasMore`. */
export const feedPageSchema = z.object({
  cursor: z.string().min(1),
  tryLater: looseBoolean.optional().transform((v) => v ?? false),
  items: z.array(ledgerEntrySchema),
});
export type FeedPageRaw = z.output<typeof feedPageSchema>;

const schemeIdSchema = z.object({ scheme: z.string(), id: z.string() });

export const salesUnitSchema = z.object({
  name: z.string().nullish().transform((v) => v ?? null),
  recipientHandle: z.string(),
  businessIdentifier: schemeIdSchema.nullish().transform((v) => v ?? null),
});

export const ledgerSchema = z.object({
  ledgerId: z.string().min(1),
  /** In the 2023 example but not its schema; present in current docs. */
  currency: iso4217Schema.nullish().transform((v) => v ?? null),
  payoutBankAccount: schemeIdSchema.nullish().transform((v) => v ?? null),
  owner: schemeIdSchema.nullish().transform((v) => v ?? null),
  settlesForRecipientHandles: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  /** Added June 2024. */
  salesUnits: z
    .array(salesUnitSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export type Ledger = z.output<typeof ledgerSchema>;

/** `GET /settlement/v1/ledgers`: `cursor` is "" (or absent) when there are no more ledgers. */
export const ledgersPageSchema = z.object({
  cursor: z
    .string()
    .nullish()
    .transform((v) => (v ? v : undefined)),
  items: z.array(ledgerSchema),
});

/** Seconds as a JSON number or a numeric string (the standard flow sends strings, the specialized flow numbers). */
const secondsSchema = z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/).transform(Number)]).pipe(z.number().positive().finite());

/** `POST /accesstoken/get` (all values strings) and `POST /miami/v1/token` (expires_in a number or string). */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: secondsSchema,
});

/** Upstream error bodies: 401 `{code,message}`, 500 `{errorCode,errorMessage,contextId}`, RFC 7807, OAuth. */
export const upstreamErrorBodySchema = z
  .object({
    code: z.union([z.string(), z.number()]).optional(),
    message: z.string().optional(),
    errorCode: z.union([z.string(), z.number()]).optional(),
    errorMessage: z.string().optional(),
    contextId: z.string().optional(),
    title: z.string().optional(),
    detail: z.string().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .catch({});
