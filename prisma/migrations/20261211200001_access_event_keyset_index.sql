-- migrate:up
-- The access log is read newest first a page at a time, ordered by (at, id) (keyset paging). With the index on
-- (merchantId, at) alone, PostgreSQL read and sorted every event of the merchant for each page (5,000 events: a
-- sequential scan and a sort on every request); with the id in the index a page is a backward index scan that
-- stops after 26 rows, and counting the merchant's events reads the index alone. It replaces the narrower index.
CREATE INDEX "LedgerAccessEvent_merchantId_at_id_idx" ON "LedgerAccessEvent"("merchantId", "at", "id");
DROP INDEX "LedgerAccessEvent_merchantId_at_idx";

-- migrate:down
CREATE INDEX "LedgerAccessEvent_merchantId_at_idx" ON "LedgerAccessEvent"("merchantId", "at");
DROP INDEX "LedgerAccessEvent_merchantId_at_id_idx";
