import { z } from "zod";
import { todayPortalDate } from "@/lib/dates";
import { userText } from "@/lib/validation/text";

/**
 * The grant schemas, shared by the forms (react-hook-form's zod resolver) and the server actions, so the
 * browser and the server refuse exactly the same input. Every message comes from the catalogue
 * (`grantErrors` in messages/en/grants.json): the server builds the schemas with the English catalogue,
 * a form with the reader's locale. Pure: no server imports.
 */
export const GRANT_ERROR_KEYS = [
  "invalidId",
  "partnerRequired",
  "ledgersRequired",
  "tooManyLedgers",
  "duplicateLedger",
  "invalidDate",
  "dateOutOfRange",
  "periodOrder",
  "validUntilPast",
  "invalidBoolean",
  "consentRequired",
  "reasonTooLong",
  "queryTooLong",
  "textInvalid",
] as const;
export type GrantErrorKey = (typeof GRANT_ERROR_KEYS)[number];
export type GrantMessages = (key: GrantErrorKey) => string;

/** At most this many ledgers in one "Grant access" (a merchant has a handful; this bounds the work). */
export const MAX_LEDGERS_PER_GRANT = 50;
export const MAX_DECLINE_REASON = 500;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST = "2000-01-01";
const LATEST = "2099-12-31";

/** "YYYY-MM-DD" naming a real calendar day (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function grantSchemas(msg: GrantMessages, today: () => string = () => todayPortalDate()) {
  const id = z.string({ error: msg("invalidId") }).pipe(z.uuid({ error: msg("invalidId") }));
  // Forms send "" for an empty date input; the server also accepts null or a missing field. All mean "open".
  const optionalDate = z
    .union([z.string({ error: msg("invalidDate") }), z.null()], { error: msg("invalidDate") })
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === "") return null;
      if (!isCalendarDate(v)) {
        ctx.addIssue({ code: "custom", message: msg("invalidDate") });
        return z.NEVER;
      }
      if (v < EARLIEST || v > LATEST) {
        ctx.addIssue({ code: "custom", message: msg("dateOutOfRange") });
        return z.NEVER;
      }
      return v;
    });
  const bool = z.boolean({ error: msg("invalidBoolean") });

  const scopeShape = { periodFrom: optionalDate, periodTo: optionalDate, includesPersonalData: bool, validUntil: optionalDate };
  type Scope = { periodFrom: string | null; periodTo: string | null; validUntil: string | null };
  // The scope checks also run when another field (e.g. the consent box) is still wrong, so the form shows every
  // problem at once; they skip only when a date itself did not parse.
  const DATE_FIELDS = new Set(["periodFrom", "periodTo", "validUntil"]);
  const scopeParsed = { when: (p: z.core.ParsePayload) => typeof p.value === "object" && p.value !== null && !p.issues.some((i) => DATE_FIELDS.has(String(i.path?.[0]))) };
  const checkScope = (s: Scope, ctx: z.RefinementCtx) => {
    if (s.periodFrom && s.periodTo && s.periodFrom > s.periodTo) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: msg("periodOrder") });
    }
    if (s.validUntil && s.validUntil < today()) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: msg("validUntilPast") });
    }
  };

  const grantAccessSchema = z
    .object({
      partnerId: z.string({ error: msg("partnerRequired") }).min(1, msg("partnerRequired")).pipe(z.uuid({ error: msg("invalidId") })),
      ledgerIds: z
        .array(id, { error: msg("ledgersRequired") })
        .min(1, msg("ledgersRequired"))
        .max(MAX_LEDGERS_PER_GRANT, msg("tooManyLedgers"))
        .refine((ids) => new Set(ids).size === ids.length, msg("duplicateLedger")),
      ...scopeShape,
      consentAccepted: z.literal(true, { error: msg("consentRequired") }),
    })
    .superRefine(checkScope, scopeParsed);

  // `base`: the scope the edit form showed, so the server applies only what the user changed (changeGrant).
  const changeGrantSchema = z.object({ grantId: id, ...scopeShape, base: z.object(scopeShape).optional() }).superRefine(checkScope, scopeParsed);
  const grantRefSchema = z.object({ grantId: id });
  const declineGrantSchema = z.object({
    grantId: id,
    reason: userText({ max: MAX_DECLINE_REASON, tooLong: msg("reasonTooLong"), invalid: msg("textInvalid"), multiline: true }).optional(),
  });
  const previewGrantSchema = z
    .object({ ledgerId: id, periodFrom: optionalDate, periodTo: optionalDate, includesPersonalData: bool })
    .superRefine((s, ctx) => checkScope({ ...s, validUntil: null }, ctx), scopeParsed);
  const partnerSearchSchema = z.object({ query: userText({ max: 100, tooLong: msg("queryTooLong"), invalid: msg("textInvalid") }) });

  return { grantAccessSchema, changeGrantSchema, grantRefSchema, declineGrantSchema, previewGrantSchema, partnerSearchSchema };
}

type Schemas = ReturnType<typeof grantSchemas>;
export type GrantAccessInput = z.output<Schemas["grantAccessSchema"]>;
export type GrantAccessFormValues = z.input<Schemas["grantAccessSchema"]>;
export type ChangeGrantInput = z.output<Schemas["changeGrantSchema"]>;
export type ChangeGrantFormValues = z.input<Schemas["changeGrantSchema"]>;
export type GrantRefInput = z.output<Schemas["grantRefSchema"]>;
export type DeclineGrantInput = z.output<Schemas["declineGrantSchema"]>;
export type PreviewGrantInput = z.output<Schemas["previewGrantSchema"]>;

/** A grant's scope: which ledger dates, whether personal data, until when (null = open). */
export interface GrantScopeValues {
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string | null;
}
