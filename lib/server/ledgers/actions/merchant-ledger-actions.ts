"use server";
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { merchantAction } from "@/lib/server/actions/define-action";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { getMerchantLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { merchantEntriesReadSchema, merchantLedgerRefSchema, merchantRangeReadSchema } from "@/lib/ledgers/schemas";
import { enqueueLedgerSync } from "@/lib/server/ledgers/sync/enqueue-ledger-sync";
import { getLedgerSyncStatus } from "@/lib/server/ledgers/sync/sync-status";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

// Reads and "sync now" may call the Report API (dates not cached yet): they count against the upstream limit.
// The sync status is polled and reads only our database, so it does not.
const UPSTREAM = { rateLimit: "upstream" } as const;

// M6 reads with the sales unit's own keys. The single-MSN rule is checked before any upstream call.

async function requireAccess(ctx: MerchantContext, msn: string) {
  const result = await getMerchantLedgerAccess(ctx, msn);
  if (!result) throw new AppError("NOT_FOUND", serverErrors("noSuchSalesUnit"));
  switch (result.kind) {
    case "ok":
      return result.access;
    case "shared-ledger":
      throw new AppError("FORBIDDEN", serverErrors("sharedLedger"));
    case "no-keys":
      throw new AppError("FORBIDDEN", serverErrors("noKeysYet"));
    case "no-ledger":
      throw new AppError("NOT_FOUND", serverErrors("noLedgerYet"));
  }
}

export const readMerchantLedgerRangeAction = merchantAction(merchantRangeReadSchema, "ledger.read", UPSTREAM, async ({ input, ctx }) =>
  readLedgerRange(await requireAccess(ctx, input.msn), { from: input.from, to: input.to }),
);

export const readMerchantLedgerEntriesAction = merchantAction(merchantEntriesReadSchema, "ledger.read", UPSTREAM, async ({ input, ctx }) =>
  listLedgerEntries(await requireAccess(ctx, input.msn), { from: input.from, to: input.to }, { topic: input.topic, search: input.search, after: input.after }),
);

export const syncMerchantLedgerAction = merchantAction(merchantLedgerRefSchema, "ledger.read", UPSTREAM, async ({ input, ctx }) => ({
  jobId: await enqueueLedgerSync(await requireAccess(ctx, input.msn)),
}));

export const merchantLedgerSyncStatusAction = merchantAction(merchantLedgerRefSchema, "ledger.read", async ({ input, ctx }) =>
  getLedgerSyncStatus(await requireAccess(ctx, input.msn), input.jobId),
);
