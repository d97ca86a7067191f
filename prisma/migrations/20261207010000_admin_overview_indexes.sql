-- migrate:up
-- A1 access overview (decision 018): keyset paging over every grant. Each index serves one sort order of the
-- overview (the last column is the tie-breaker), with and without the most common filters, so the first page,
-- a filtered page and a deep page read a few index pages instead of sorting 50,000 rows.
CREATE INDEX "LedgerGrant_overview_created_idx" ON "LedgerGrant" ("createdAt" DESC, id DESC);
CREATE INDEX "LedgerGrant_overview_partner_created_idx" ON "LedgerGrant" ("partnerId", "createdAt" DESC, id DESC);
CREATE INDEX "LedgerGrant_overview_merchant_created_idx" ON "LedgerGrant" ("merchantId", "createdAt" DESC, id DESC);
CREATE INDEX "LedgerGrant_overview_personal_created_idx" ON "LedgerGrant" ("createdAt" DESC, id DESC) WHERE "includesPersonalData";
-- "Ends soonest" (no end date last) and "used most recently" (never used last), as expressions so a row
-- comparison on (expression, id) walks the index.
CREATE INDEX "LedgerGrant_overview_valid_until_idx" ON "LedgerGrant" ((COALESCE("validUntil", 'infinity'::date)), id);
CREATE INDEX "LedgerGrant_overview_last_used_idx" ON "LedgerGrant" ((COALESCE("lastUsedAt", '-infinity'::timestamptz)) DESC, id DESC);
-- A grant's page lists its whole history from the audit trail: events by target.
CREATE INDEX "AuditEvent_target_idx" ON "AuditEvent" ("targetType", "targetId", id);
-- The partner directory pages by name.
CREATE INDEX "AccountingPartner_name_id_idx" ON "AccountingPartner" (name, id);

-- migrate:down
DROP INDEX "AccountingPartner_name_id_idx";
DROP INDEX "AuditEvent_target_idx";
DROP INDEX "LedgerGrant_overview_last_used_idx";
DROP INDEX "LedgerGrant_overview_valid_until_idx";
DROP INDEX "LedgerGrant_overview_personal_created_idx";
DROP INDEX "LedgerGrant_overview_merchant_created_idx";
DROP INDEX "LedgerGrant_overview_partner_created_idx";
DROP INDEX "LedgerGrant_overview_created_idx";
