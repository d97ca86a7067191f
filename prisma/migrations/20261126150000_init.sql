-- migrate:up
-- The portal's first schema. Mirrors prisma/schema.prisma (checked by tests/integration/schema-drift.test.ts);
-- invariants Prisma cannot express are here only: partial unique indexes, CHECKs, the audit trigger.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TYPE "MerchantRole" AS ENUM ('admin', 'manager', 'viewer');
CREATE TYPE "PartnerRole" AS ENUM ('owner', 'accountant');
CREATE TYPE "PartnerStatus" AS ENUM ('pending', 'approved', 'suspended');
CREATE TYPE "Country" AS ENUM ('NO', 'DK', 'FI');
CREATE TYPE "Currency" AS ENUM ('NOK', 'DKK', 'EUR');
CREATE TYPE "SalesUnitChannel" AS ENUM ('api', 'vm');
CREATE TYPE "GrantStatus" AS ENUM ('pending_approval', 'active', 'revoked', 'expired', 'declined');
CREATE TYPE "AccessRequestStatus" AS ENUM ('pending', 'approved', 'declined', 'expired', 'withdrawn');
CREATE TYPE "CredentialKind" AS ENUM ('merchant', 'partner');
CREATE TYPE "ExportFormat" AS ENUM ('csv', 'xlsx');

-- Auth.js
CREATE TABLE "User" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "name" TEXT,
  "email" TEXT NOT NULL,
  "emailVerified" TIMESTAMPTZ(3),
  "image" TEXT,
  "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE TABLE "Account" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "type" TEXT NOT NULL,
  "provider" TEXT NOT NULL,
  "providerAccountId" TEXT NOT NULL,
  "refresh_token" TEXT,
  "access_token" TEXT,
  "expires_at" INTEGER,
  "token_type" TEXT,
  "scope" TEXT,
  "id_token" TEXT,
  "session_state" TEXT,
  CONSTRAINT "Account_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

CREATE TABLE "Session" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "sessionToken" TEXT NOT NULL,
  "userId" UUID NOT NULL,
  "expires" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "Session_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

CREATE TABLE "VerificationToken" (
  "identifier" TEXT NOT NULL,
  "token" TEXT NOT NULL,
  "expires" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier", "token")
);

-- Organisations and memberships
CREATE TABLE "Merchant" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "country" "Country" NOT NULL,
  "orgNo" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Merchant_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Merchant_slug_key" ON "Merchant"("slug");
CREATE UNIQUE INDEX "Merchant_orgNo_key" ON "Merchant"("orgNo");

CREATE TABLE "MerchantMembership" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "merchantId" UUID NOT NULL,
  "role" "MerchantRole" NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "MerchantMembership_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "MerchantMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MerchantMembership_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "MerchantMembership_userId_merchantId_key" ON "MerchantMembership"("userId", "merchantId");
CREATE INDEX "MerchantMembership_merchantId_idx" ON "MerchantMembership"("merchantId");

CREATE TABLE "AccountingPartner" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "orgNo" TEXT NOT NULL,
  "country" "Country" NOT NULL,
  "status" "PartnerStatus" NOT NULL DEFAULT 'pending',
  "approvedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AccountingPartner_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AccountingPartner_slug_key" ON "AccountingPartner"("slug");
CREATE UNIQUE INDEX "AccountingPartner_orgNo_key" ON "AccountingPartner"("orgNo");

CREATE TABLE "PartnerMembership" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "partnerId" UUID NOT NULL,
  "role" "PartnerRole" NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PartnerMembership_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PartnerMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PartnerMembership_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PartnerMembership_userId_partnerId_key" ON "PartnerMembership"("userId", "partnerId");
CREATE INDEX "PartnerMembership_partnerId_idx" ON "PartnerMembership"("partnerId");

CREATE TABLE "PartnerClientAssignment" (
  "membershipId" UUID NOT NULL,
  "merchantId" UUID NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PartnerClientAssignment_pkey" PRIMARY KEY ("membershipId", "merchantId"),
  CONSTRAINT "PartnerClientAssignment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "PartnerMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "PartnerClientAssignment_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PartnerClientAssignment_merchantId_idx" ON "PartnerClientAssignment"("merchantId");

-- Sales units and ledgers
CREATE TABLE "Ledger" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "externalId" TEXT NOT NULL,
  "merchantId" UUID NOT NULL,
  "currency" "Currency" NOT NULL,
  "payoutAccountMask" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Ledger_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Ledger_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Ledger_externalId_key" ON "Ledger"("externalId");
CREATE INDEX "Ledger_merchantId_idx" ON "Ledger"("merchantId");

CREATE TABLE "SalesUnit" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "merchantId" UUID NOT NULL,
  "msn" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "channel" "SalesUnitChannel" NOT NULL,
  "recipientHandle" TEXT NOT NULL,
  "ledgerId" UUID,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SalesUnit_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "SalesUnit_msn_format" CHECK ("msn" ~ '^[0-9]{4,7}$'),
  CONSTRAINT "SalesUnit_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "SalesUnit_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SalesUnit_msn_key" ON "SalesUnit"("msn");
CREATE UNIQUE INDEX "SalesUnit_recipientHandle_key" ON "SalesUnit"("recipientHandle");
CREATE INDEX "SalesUnit_merchantId_idx" ON "SalesUnit"("merchantId");
CREATE INDEX "SalesUnit_ledgerId_idx" ON "SalesUnit"("ledgerId");

CREATE TABLE "MerchantMembershipSalesUnit" (
  "membershipId" UUID NOT NULL,
  "salesUnitId" UUID NOT NULL,
  CONSTRAINT "MerchantMembershipSalesUnit_pkey" PRIMARY KEY ("membershipId", "salesUnitId"),
  CONSTRAINT "MerchantMembershipSalesUnit_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "MerchantMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MerchantMembershipSalesUnit_salesUnitId_fkey" FOREIGN KEY ("salesUnitId") REFERENCES "SalesUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "MerchantMembershipSalesUnit_salesUnitId_idx" ON "MerchantMembershipSalesUnit"("salesUnitId");

-- Access
CREATE TABLE "LedgerGrant" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "merchantId" UUID NOT NULL,
  "partnerId" UUID NOT NULL,
  "ledgerId" UUID NOT NULL,
  "periodFrom" DATE,
  "periodTo" DATE,
  "includesPersonalData" BOOLEAN NOT NULL DEFAULT false,
  "validUntil" DATE,
  "status" "GrantStatus" NOT NULL,
  "grantedById" UUID,
  "approvedById" UUID,
  "revokedById" UUID,
  "revokedAt" TIMESTAMPTZ(3),
  "lastUsedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "LedgerGrant_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerGrant_period_order" CHECK ("periodFrom" IS NULL OR "periodTo" IS NULL OR "periodFrom" <= "periodTo"),
  CONSTRAINT "LedgerGrant_revoked_has_time" CHECK (("status" = 'revoked') = ("revokedAt" IS NOT NULL)),
  CONSTRAINT "LedgerGrant_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerGrant_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerGrant_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "LedgerGrant_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "LedgerGrant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "LedgerGrant_merchantId_status_idx" ON "LedgerGrant"("merchantId", "status");
CREATE INDEX "LedgerGrant_partnerId_status_idx" ON "LedgerGrant"("partnerId", "status");
CREATE INDEX "LedgerGrant_ledgerId_idx" ON "LedgerGrant"("ledgerId");
-- One live grant (active or awaiting approval) per partner and ledger: a second "Grant access" conflicts.
CREATE UNIQUE INDEX "LedgerGrant_one_live_per_partner_ledger" ON "LedgerGrant"("partnerId", "ledgerId")
  WHERE "status" IN ('active', 'pending_approval');
-- A grant's ledger must belong to the grant's merchant.
CREATE UNIQUE INDEX "Ledger_id_merchantId_key" ON "Ledger"("id", "merchantId");
ALTER TABLE "LedgerGrant" ADD CONSTRAINT "LedgerGrant_ledger_of_merchant_fkey"
  FOREIGN KEY ("ledgerId", "merchantId") REFERENCES "Ledger"("id", "merchantId") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AccessRequest" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "partnerId" UUID NOT NULL,
  "merchantId" UUID NOT NULL,
  "requestedById" UUID,
  "periodFrom" DATE,
  "periodTo" DATE,
  "includesPersonalData" BOOLEAN NOT NULL DEFAULT false,
  "purpose" TEXT NOT NULL,
  "status" "AccessRequestStatus" NOT NULL DEFAULT 'pending',
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "decidedById" UUID,
  "decidedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AccessRequest_period_order" CHECK ("periodFrom" IS NULL OR "periodTo" IS NULL OR "periodFrom" <= "periodTo"),
  CONSTRAINT "AccessRequest_purpose_length" CHECK (char_length("purpose") BETWEEN 1 AND 1000),
  CONSTRAINT "AccessRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AccessRequest_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AccessRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "AccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "AccessRequest_merchantId_status_idx" ON "AccessRequest"("merchantId", "status");
CREATE INDEX "AccessRequest_partnerId_status_idx" ON "AccessRequest"("partnerId", "status");

CREATE TABLE "AccessRequestSalesUnit" (
  "requestId" UUID NOT NULL,
  "salesUnitId" UUID NOT NULL,
  CONSTRAINT "AccessRequestSalesUnit_pkey" PRIMARY KEY ("requestId", "salesUnitId"),
  CONSTRAINT "AccessRequestSalesUnit_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "AccessRequestSalesUnit_salesUnitId_fkey" FOREIGN KEY ("salesUnitId") REFERENCES "SalesUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ApiCredential" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "kind" "CredentialKind" NOT NULL,
  "merchantId" UUID,
  "salesUnitId" UUID,
  "partnerId" UUID,
  "clientId" TEXT NOT NULL,
  "clientSecretEnc" TEXT NOT NULL,
  "subscriptionKeyEnc" TEXT,
  "msn" TEXT,
  "lastVerifiedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ApiCredential_pkey" PRIMARY KEY ("id"),
  -- A merchant key set belongs to one sales unit and carries its subscription key and MSN; a partner's does not.
  CONSTRAINT "ApiCredential_owner_matches_kind" CHECK (
    ("kind" = 'merchant' AND "merchantId" IS NOT NULL AND "salesUnitId" IS NOT NULL AND "partnerId" IS NULL
       AND "subscriptionKeyEnc" IS NOT NULL AND "msn" IS NOT NULL)
    OR ("kind" = 'partner' AND "partnerId" IS NOT NULL AND "merchantId" IS NULL AND "salesUnitId" IS NULL)
  ),
  -- Ciphertext only: the app stores "v1:<iv>:<tag>:<data>" (AES-256-GCM), never a plain secret.
  CONSTRAINT "ApiCredential_secret_is_ciphertext" CHECK ("clientSecretEnc" LIKE 'v1:%' AND ("subscriptionKeyEnc" IS NULL OR "subscriptionKeyEnc" LIKE 'v1:%')),
  CONSTRAINT "ApiCredential_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ApiCredential_salesUnitId_fkey" FOREIGN KEY ("salesUnitId") REFERENCES "SalesUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ApiCredential_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ApiCredential_salesUnitId_key" ON "ApiCredential"("salesUnitId");
CREATE UNIQUE INDEX "ApiCredential_partnerId_key" ON "ApiCredential"("partnerId");

CREATE TABLE "AuditEvent" (
  "id" BIGSERIAL NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actorUserId" UUID,
  "actorLabel" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "merchantId" UUID,
  "partnerId" UUID,
  "targetType" TEXT NOT NULL,
  "targetId" TEXT NOT NULL,
  "before" JSONB,
  "after" JSONB,
  "prevHash" TEXT NOT NULL,
  "hash" TEXT NOT NULL,
  CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
-- Each event names its predecessor's hash exactly once: two writers racing for the same tail conflict.
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");
CREATE INDEX "AuditEvent_merchantId_at_idx" ON "AuditEvent"("merchantId", "at");
CREATE INDEX "AuditEvent_partnerId_at_idx" ON "AuditEvent"("partnerId", "at");

-- The audit trail is append-only. (The FK's ON DELETE SET NULL on actorUserId is the one permitted update:
-- deleting a user must not erase what they did, and the hash does not cover that column's later nulling.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorUserId" IS NULL AND OLD."actorUserId" IS NOT NULL
     AND NEW."hash" = OLD."hash" AND NEW."prevHash" = OLD."prevHash" AND NEW."action" = OLD."action"
     AND NEW."before" IS NOT DISTINCT FROM OLD."before" AND NEW."after" IS NOT DISTINCT FROM OLD."after" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE "ExportReceipt" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "partnerId" UUID NOT NULL,
  "userId" UUID,
  "ledgerId" UUID NOT NULL,
  "periodFrom" DATE NOT NULL,
  "periodTo" DATE NOT NULL,
  "format" "ExportFormat" NOT NULL,
  "filters" JSONB NOT NULL DEFAULT '{}',
  "rowCount" INTEGER NOT NULL,
  "currency" "Currency" NOT NULL,
  "capturesMinor" BIGINT NOT NULL,
  "refundsMinor" BIGINT NOT NULL,
  "feesMinor" BIGINT NOT NULL,
  "payoutsMinor" BIGINT NOT NULL,
  "netMinor" BIGINT NOT NULL,
  "sha256" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ExportReceipt_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ExportReceipt_period_order" CHECK ("periodFrom" <= "periodTo"),
  CONSTRAINT "ExportReceipt_rowCount_nonneg" CHECK ("rowCount" >= 0),
  CONSTRAINT "ExportReceipt_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "ExportReceipt_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ExportReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "ExportReceipt_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ExportReceipt_partnerId_createdAt_idx" ON "ExportReceipt"("partnerId", "createdAt");
CREATE INDEX "ExportReceipt_ledgerId_idx" ON "ExportReceipt"("ledgerId");

-- migrate:down
DROP TABLE "ExportReceipt", "AuditEvent", "ApiCredential", "AccessRequestSalesUnit", "AccessRequest",
  "LedgerGrant", "MerchantMembershipSalesUnit", "SalesUnit", "Ledger", "PartnerClientAssignment",
  "PartnerMembership", "AccountingPartner", "MerchantMembership", "Merchant", "VerificationToken",
  "Session", "Account", "User";
DROP FUNCTION audit_event_append_only();
DROP TYPE "ExportFormat", "CredentialKind", "AccessRequestStatus", "GrantStatus", "SalesUnitChannel",
  "Currency", "Country", "PartnerStatus", "PartnerRole", "MerchantRole";
