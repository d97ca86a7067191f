-- migrate:up
-- A partner's request names sales units by MSN (or a merchant by org. number). The portal must answer the same
-- whether or not they exist (docs/decisions/013): the request is stored as the partner typed it, grouped by
-- "submissionId", with one row per merchant it reached, and one row without a merchant when it reached none.
-- A row without a merchant is the partner's own record: no merchant, admin count or notice ever sees it.
ALTER TABLE "AccessRequest" ALTER COLUMN "merchantId" DROP NOT NULL;
ALTER TABLE "AccessRequest" ADD COLUMN "submissionId" UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE "AccessRequest" ADD COLUMN "requestedMsns" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "AccessRequest" ADD COLUMN "requestedOrgNo" TEXT;
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requested_size" CHECK (cardinality("requestedMsns") <= 20 AND char_length(coalesce("requestedOrgNo", '')) <= 20);
CREATE INDEX "AccessRequest_partnerId_submissionId_idx" ON "AccessRequest"("partnerId", "submissionId");

-- migrate:down
DROP INDEX "AccessRequest_partnerId_submissionId_idx";
ALTER TABLE "AccessRequest" DROP CONSTRAINT "AccessRequest_requested_size";
ALTER TABLE "AccessRequest" DROP COLUMN "requestedOrgNo";
ALTER TABLE "AccessRequest" DROP COLUMN "requestedMsns";
ALTER TABLE "AccessRequest" DROP COLUMN "submissionId";
DELETE FROM "AccessRequest" WHERE "merchantId" IS NULL;
ALTER TABLE "AccessRequest" ALTER COLUMN "merchantId" SET NOT NULL;
