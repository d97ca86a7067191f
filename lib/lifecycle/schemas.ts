import { z } from "zod";
import { isLedgerDate, isMsn, isOrgNo } from "./fields";
import { RENEWAL_LENGTHS } from "./renewal";
import { userText } from "@/lib/validation/text";

/**
 * The schemas of every lifecycle form and action (requests, staff, renewal, notifications), shared by the
 * forms (react-hook-form's zod resolver) and the server actions, so both refuse the same input. Messages come
 * from the catalogue (`lifecycleErrors` in messages/en/lifecycle.json): the server builds the schemas with the
 * English texts, a form with the reader's locale. Dates are "" (not set) or "YYYY-MM-DD"; no transforms, so
 * a form's values and the parsed input have one type.
 */
export const LIFECYCLE_ERROR_KEYS = [
  "invalidId",
  "chooseTarget",
  "msnRequired",
  "msnInvalid",
  "msnDuplicate",
  "tooManyMsns",
  "orgNoRequired",
  "orgNoInvalid",
  "invalidDate",
  "periodOrder",
  "invalidBoolean",
  "purposeRequired",
  "purposeTooShort",
  "purposeTooLong",
  "ledgersRequired",
  "tooManyLedgers",
  "duplicateLedger",
  "reasonTooLong",
  "clientsInvalid",
  "tooManyClients",
  "duplicateClient",
  "renewalLength",
  "notificationsRequired",
  "textInvalid",
] as const;
export type LifecycleErrorKey = (typeof LIFECYCLE_ERROR_KEYS)[number];
export type LifecycleMessages = (key: LifecycleErrorKey, values?: Record<string, number>) => string;

/** A request waits this long for the merchant; afterwards it is expired (by the job, and by date in the UI). */
export const REQUEST_TTL_DAYS = 14;
export const PURPOSE_MIN = 10;
export const PURPOSE_MAX = 500;
export const MAX_REQUESTED_MSNS = 20;
export const MAX_LEDGERS_PER_APPROVAL = 50;
export const DECLINE_REASON_MAX = 500;
export const MAX_ASSIGNED_CLIENTS = 500;
const MAX_TEXT_ID = 64;

export function lifecycleSchemas(msg: LifecycleMessages) {
  const id = z.string({ error: msg("invalidId") }).max(MAX_TEXT_ID, msg("invalidId")).pipe(z.uuid({ error: msg("invalidId") }));
  const optionalDate = z
    .string({ error: msg("invalidDate") })
    .max(10, msg("invalidDate"))
    .refine((v) => v === "" || isLedgerDate(v), msg("invalidDate"));
  const bool = z.boolean({ error: msg("invalidBoolean") });
  const periodOrder = (v: { periodFrom: string; periodTo: string }, ctx: z.RefinementCtx) => {
    if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo) ctx.addIssue({ code: "custom", path: ["periodTo"], message: msg("periodOrder") });
  };

  /**
   * P7: a partner owner asks a merchant for access. The merchant is named by the sales units the partner knows
   * (their MSNs, all of one merchant) or, when it can name none, by its organisation number; the merchant then
   * chooses the ledgers when approving.
   */
  const createAccessRequestSchema = z
    .object({
      by: z.enum(["msn", "orgNo"], { error: msg("chooseTarget") }),
      msns: z
        .array(z.string({ error: msg("msnInvalid") }).trim().max(10, msg("msnInvalid")).refine(isMsn, msg("msnInvalid")), { error: msg("msnRequired") })
        .max(MAX_REQUESTED_MSNS, msg("tooManyMsns", { max: MAX_REQUESTED_MSNS })),
      orgNo: userText({ max: 20, tooLong: msg("orgNoInvalid"), invalid: msg("orgNoInvalid"), notText: msg("orgNoRequired") }),
      periodFrom: optionalDate,
      periodTo: optionalDate,
      includesPersonalData: bool,
      purpose: userText({ max: PURPOSE_MAX, tooLong: msg("purposeTooLong", { max: PURPOSE_MAX }), invalid: msg("textInvalid"), notText: msg("purposeRequired"), multiline: true })
        .refine((v) => v.length > 0, msg("purposeRequired"))
        .refine((v) => v.length === 0 || v.length >= PURPOSE_MIN, msg("purposeTooShort", { min: PURPOSE_MIN })),
    })
    .superRefine((v, ctx) => {
      if (v.by === "msn") {
        if (v.msns.length === 0) ctx.addIssue({ code: "custom", path: ["msns"], message: msg("msnRequired") });
        else if (new Set(v.msns).size !== v.msns.length) ctx.addIssue({ code: "custom", path: ["msns"], message: msg("msnDuplicate") });
      } else if (v.orgNo === "") {
        ctx.addIssue({ code: "custom", path: ["orgNo"], message: msg("orgNoRequired") });
      } else if (!isOrgNo(v.orgNo)) {
        ctx.addIssue({ code: "custom", path: ["orgNo"], message: msg("orgNoInvalid") });
      }
      periodOrder(v, ctx);
    });

  const requestRefSchema = z.object({ requestId: id });

  /**
   * M4: the merchant approves, possibly narrowed: fewer ledgers, a shorter period, no personal data, an earlier
   * end. validUntil "" means no end date (which needs a second admin, M5, decided by the grant core).
   */
  const approveAccessRequestSchema = z
    .object({
      requestId: id,
      ledgerIds: z
        .array(id, { error: msg("ledgersRequired") })
        .min(1, msg("ledgersRequired"))
        .max(MAX_LEDGERS_PER_APPROVAL, msg("tooManyLedgers", { max: MAX_LEDGERS_PER_APPROVAL }))
        .refine((ids) => new Set(ids).size === ids.length, msg("duplicateLedger")),
      periodFrom: optionalDate,
      periodTo: optionalDate,
      includesPersonalData: bool,
      validUntil: optionalDate,
    })
    .superRefine(periodOrder);

  const declineAccessRequestSchema = z.object({
    requestId: id,
    reason: userText({ max: DECLINE_REASON_MAX, tooLong: msg("reasonTooLong", { max: DECLINE_REASON_MAX }), invalid: msg("textInvalid"), multiline: true }),
  });

  /** P6: the partner owner sets which clients an accountant works on (the whole set, replacing the old one). */
  const setClientAssignmentsSchema = z.object({
    membershipId: id,
    merchantIds: z
      .array(id, { error: msg("clientsInvalid") })
      .max(MAX_ASSIGNED_CLIENTS, msg("tooManyClients", { max: MAX_ASSIGNED_CLIENTS }))
      .refine((ids) => new Set(ids).size === ids.length, msg("duplicateClient")),
  });

  /** M8: one-click renewal, by the grant's own length or a chosen one. */
  const renewGrantSchema = z.object({ grantId: id, length: z.enum(RENEWAL_LENGTHS, { error: msg("renewalLength") }) });

  const markNotificationsReadSchema = z.union([z.object({ ids: z.array(id).min(1).max(100) }), z.object({ all: z.literal(true) })], {
    error: msg("notificationsRequired"),
  });

  return {
    createAccessRequestSchema,
    requestRefSchema,
    approveAccessRequestSchema,
    declineAccessRequestSchema,
    setClientAssignmentsSchema,
    renewGrantSchema,
    markNotificationsReadSchema,
  };
}

type Schemas = ReturnType<typeof lifecycleSchemas>;
export type CreateAccessRequestInput = z.infer<Schemas["createAccessRequestSchema"]>;
export type RequestRefInput = z.infer<Schemas["requestRefSchema"]>;
export type ApproveAccessRequestInput = z.infer<Schemas["approveAccessRequestSchema"]>;
export type DeclineAccessRequestInput = z.infer<Schemas["declineAccessRequestSchema"]>;
export type SetClientAssignmentsInput = z.infer<Schemas["setClientAssignmentsSchema"]>;
export type RenewGrantInput = z.infer<Schemas["renewGrantSchema"]>;
export type MarkNotificationsReadInput = z.infer<Schemas["markNotificationsReadSchema"]>;
