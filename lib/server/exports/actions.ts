"use server";
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { merchantAction, partnerAction } from "@/lib/server/actions/define-action";
import { getMerchantLedgerAccess, getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { merchantExportPrepareSchema, partnerExportPrepareSchema } from "@/lib/exports/schemas";
import { prepareExportStep } from "@/lib/server/exports/plan-export";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

// P4: one step of preparing an export (fetching the period's dates not cached yet, a few at a time, so the dialog
// can show progress). It may call the Report API, so it counts against the upstream limit; the export itself
// (the route handler) counts against the export limit.
const UPSTREAM = { rateLimit: "upstream" } as const;

export const preparePartnerLedgerExportAction = partnerAction(partnerExportPrepareSchema, "ledgers.read", UPSTREAM, async ({ input, ctx }) => {
  const { ledgerId, ...options } = input;
  const access = await getPartnerLedgerAccess(ctx, ledgerId);
  if (!access) throw new AppError("NOT_FOUND", serverErrors("ledgerNotShared"));
  return prepareExportStep(access, options);
});

export const prepareMerchantLedgerExportAction = merchantAction(merchantExportPrepareSchema, "ledger.read", UPSTREAM, async ({ input, ctx }) => {
  const { msn, ...options } = input;
  const result = await getMerchantLedgerAccess(ctx, msn);
  if (!result) throw new AppError("NOT_FOUND", serverErrors("noSuchSalesUnit"));
  if (result.kind !== "ok") throw new AppError("FORBIDDEN", serverErrors("ledgerNotReadableWithUnitKeys"));
  return prepareExportStep(result.access, options);
});
