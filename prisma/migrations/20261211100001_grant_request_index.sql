-- migrate:up
-- The grants an access request led to, read by request (the requests pages show each request's outcome): without
-- an index on the foreign key, that read scanned every grant, 24 ms of a partner's requests page at 50,000 grants
-- (docs/performance.md). Also what deleting a request (ON DELETE SET NULL) looks up.
CREATE INDEX "LedgerGrant_requestId_idx" ON "LedgerGrant"("requestId");

-- migrate:down
DROP INDEX "LedgerGrant_requestId_idx";
