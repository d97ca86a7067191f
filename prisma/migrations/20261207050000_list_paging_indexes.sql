-- migrate:up
-- Keyset paging of every list (docs/decisions/023): each list reads `WHERE (sort key, id) > cursor ORDER BY
-- sort key, id LIMIT n`, so the index that serves it is the sort key with the id as the tiebreak.
-- Partner clients (by merchant name), a merchant's sales units (by name within the merchant), notifications
-- (newest first within the person).
CREATE INDEX "Merchant_name_id_idx" ON "Merchant"("name", "id");
CREATE INDEX "SalesUnit_merchantId_name_id_idx" ON "SalesUnit"("merchantId", "name", "id");
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");
DROP INDEX "Notification_userId_createdAt_idx";

-- migrate:down
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
DROP INDEX "Notification_userId_createdAt_id_idx";
DROP INDEX "SalesUnit_merchantId_name_id_idx";
DROP INDEX "Merchant_name_id_idx";
