"use server";
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { partnerAction } from "@/lib/server/actions/define-action";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { partnerEntriesReadSchema, partnerLedgerRefSchema, partnerRangeReadSchema } from "@/lib/ledgers/schemas";
import { enqueueLedgerSync } from "@/lib/server/ledgers/sync/enqueue-ledger-sync";
import { getLedgerSyncStatus } from "@/lib/server/ledgers/sync/sync-status";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

// Reads and "sync now" may call the Report API (dates not cached yet): they count against the upstream limit.
// The sync status is polled and reads only our database, so it does not.
const UPSTREAM = { rateLimit: "upstream" } as const;

// P2 reads for react-query. Each one re-checks the grant on the server before anything else: a ledger that is
// not granted to this partner (or user) is "not found", exactly like one that does not exist.

async function requireAccess(ctx: PartnerContext, ledgerId: string) {
  const access = await getPartnerLedgerAccess(ctx, ledgerId);
  if (!access) throw new AppError("NOT_FOUND", serverErrors("ledgerNotShared"));
  return access;
}

export const readPartnerLedgerRangeAction = partnerAction(partnerRangeReadSchema, "ledgers.read", UPSTREAM, async ({ input, ctx }) =>
  readLedgerRange(await requireAccess(ctx, input.ledgerId), { from: input.from, to: input.to }),
);

export const readPartnerLedgerEntriesAction = partnerAction(partnerEntriesReadSchema, "ledgers.read", UPSTREAM, async ({ input, ctx }) =>
  listLedgerEntries(await requireAccess(ctx, input.ledgerId), { from: input.from, to: input.to }, { topic: input.topic, search: input.search, after: input.after }),
);

export const syncPartnerLedgerAction = partnerAction(partnerLedgerRefSchema, "ledgers.read", UPSTREAM, async ({ input, ctx }) => ({
  jobId: await enqueueLedgerSync(await requireAccess(ctx, input.ledgerId)),
}));

export const partnerLedgerSyncStatusAction = partnerAction(partnerLedgerRefSchema, "ledgers.read", async ({ input, ctx }) =>
  getLedgerSyncStatus(await requireAccess(ctx, input.ledgerId), input.jobId),
);
