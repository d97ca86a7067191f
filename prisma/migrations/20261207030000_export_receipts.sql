-- migrate:up
-- P4 exports (decision 021): a receipt per completed export, written in the same transaction as its access-log
-- row. Merchant staff export their own ledgers too, so the partner is optional and the merchant is recorded.
ALTER TABLE "ExportReceipt" ALTER COLUMN "partnerId" DROP NOT NULL;
ALTER TABLE "ExportReceipt"
  ADD COLUMN "merchantId" UUID NOT NULL,
  ADD COLUMN "accessEventId" BIGINT,
  ADD COLUMN "columns" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "timeZone" TEXT NOT NULL,
  ADD COLUMN "openDates" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "totals" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "byteCount" BIGINT NOT NULL,
  ADD CONSTRAINT "ExportReceipt_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  ADD CONSTRAINT "ExportReceipt_accessEventId_fkey" FOREIGN KEY ("accessEventId") REFERENCES "LedgerAccessEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "ExportReceipt_byteCount_nonneg" CHECK ("byteCount" >= 0);
CREATE UNIQUE INDEX "ExportReceipt_accessEventId_key" ON "ExportReceipt"("accessEventId");
CREATE INDEX "ExportReceipt_merchantId_createdAt_idx" ON "ExportReceipt"("merchantId", "createdAt");

-- migrate:down
DROP INDEX "ExportReceipt_merchantId_createdAt_idx";
DROP INDEX "ExportReceipt_accessEventId_key";
ALTER TABLE "ExportReceipt"
  DROP CONSTRAINT "ExportReceipt_byteCount_nonneg",
  DROP CONSTRAINT "ExportReceipt_accessEventId_fkey",
  DROP CONSTRAINT "ExportReceipt_merchantId_fkey",
  DROP COLUMN "byteCount", DROP COLUMN "totals", DROP COLUMN "openDates", DROP COLUMN "timeZone",
  DROP COLUMN "columns", DROP COLUMN "accessEventId", DROP COLUMN "merchantId";
DELETE FROM "ExportReceipt" WHERE "partnerId" IS NULL;
ALTER TABLE "ExportReceipt" ALTER COLUMN "partnerId" SET NOT NULL;
