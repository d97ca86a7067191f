-- migrate:up
-- Figures and checks of one closed ledger date (both topics), computed once when the second of its two topics is
-- cached and read instead of the entries afterwards (docs/decisions/024). A closed date never changes, so the
-- summary never goes stale; it belongs to the two cached copies it was computed from and goes with either of
-- them (a personal-data refetch replaces a copy, and the summary is computed again in that transaction).
-- Dates cached before this migration get theirs on their first read.
CREATE TABLE "LedgerDateSummary" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "ledgerId" UUID NOT NULL,
  "ledgerDate" DATE NOT NULL,
  "fundsDayId" UUID NOT NULL,
  "feesDayId" UUID NOT NULL,
  "digest" JSONB NOT NULL,
  CONSTRAINT "LedgerDateSummary_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerDateSummary_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerDateSummary_fundsDayId_fkey" FOREIGN KEY ("fundsDayId") REFERENCES "LedgerDay"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerDateSummary_feesDayId_fkey" FOREIGN KEY ("feesDayId") REFERENCES "LedgerDay"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "LedgerDateSummary_ledgerId_ledgerDate_key" ON "LedgerDateSummary"("ledgerId", "ledgerDate");
CREATE UNIQUE INDEX "LedgerDateSummary_fundsDayId_key" ON "LedgerDateSummary"("fundsDayId");
CREATE UNIQUE INDEX "LedgerDateSummary_feesDayId_key" ON "LedgerDateSummary"("feesDayId");

-- The first date of a ledger's history, as the sync found it (the feed's first entry, or the grant's first date):
-- the whole history from there is cached in the background, and the sync card shows how far it has come.
ALTER TABLE "LedgerSyncState" ADD COLUMN "historyFrom" DATE;

-- migrate:down
ALTER TABLE "LedgerSyncState" DROP COLUMN "historyFrom";
DROP TABLE "LedgerDateSummary";
