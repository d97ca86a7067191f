-- migrate:up
-- A2 reconciliation: what a partner's own keys can read upstream compared with the portal's live grants
-- (docs/decisions/020-reconciliation.md). One row per finding; a finding seen again moves lastSeenAt, a finding
-- no longer seen gets resolvedAt. At most one open finding per partner, upstream ledger and kind.
CREATE TYPE "ReconciliationKind" AS ENUM ('upstream_only', 'portal_only');

CREATE TABLE "ReconciliationRun" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finishedAt" TIMESTAMPTZ(3),
  "trigger" TEXT NOT NULL,
  "requestedById" UUID,
  "partnersChecked" INTEGER NOT NULL DEFAULT 0,
  "partnersFailed" INTEGER NOT NULL DEFAULT 0,
  "opened" INTEGER NOT NULL DEFAULT 0,
  "resolved" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ReconciliationRun_trigger" CHECK ("trigger" IN ('schedule', 'check-now', 'test'))
);
CREATE INDEX "ReconciliationRun_startedAt_idx" ON "ReconciliationRun"("startedAt");

CREATE TABLE "ReconciliationFinding" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind" "ReconciliationKind" NOT NULL,
  "partnerId" UUID NOT NULL,
  "ledgerExternalId" TEXT NOT NULL,
  "ledgerId" UUID,
  "merchantId" UUID,
  "grantId" UUID,
  "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolvedAt" TIMESTAMPTZ(3),
  CONSTRAINT "ReconciliationFinding_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ReconciliationFinding_seen_order" CHECK ("firstSeenAt" <= "lastSeenAt"),
  CONSTRAINT "ReconciliationFinding_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ReconciliationFinding_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "ReconciliationFinding_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ReconciliationFinding_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "LedgerGrant"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ReconciliationFinding_open_key" ON "ReconciliationFinding"("partnerId", "ledgerExternalId", "kind") WHERE "resolvedAt" IS NULL;
CREATE INDEX "ReconciliationFinding_lastSeenAt_idx" ON "ReconciliationFinding"("lastSeenAt", "id");
CREATE INDEX "ReconciliationFinding_merchantId_idx" ON "ReconciliationFinding"("merchantId");
CREATE INDEX "ReconciliationFinding_grantId_idx" ON "ReconciliationFinding"("grantId");

-- migrate:down
DROP TABLE "ReconciliationFinding", "ReconciliationRun";
DROP TYPE "ReconciliationKind";
