-- migrate:up
-- P4 voucher journal: the accounts a partner posts one client's settlements to (decision 022). One set per
-- partner and client; a client without a row gets the defaults of its ledger's currency (lib/journal/accounts.ts).
CREATE TABLE "JournalAccountSettings" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "partnerId" UUID NOT NULL,
  "merchantId" UUID NOT NULL,
  "bankAccount" TEXT NOT NULL,
  "clearingAccount" TEXT NOT NULL,
  "salesAccount" TEXT NOT NULL,
  "refundsAccount" TEXT NOT NULL,
  "feesAccount" TEXT NOT NULL,
  "feeLiabilityAccount" TEXT NOT NULL,
  "feesPayableAccount" TEXT NOT NULL,
  "suspenseAccount" TEXT NOT NULL,
  "updatedById" UUID,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "JournalAccountSettings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "JournalAccountSettings_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "JournalAccountSettings_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "JournalAccountSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  -- Account numbers as bookkeeping systems take them; never a sign or "=" first (a spreadsheet formula).
  CONSTRAINT "JournalAccountSettings_accounts_check" CHECK (
    "bankAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$' AND "clearingAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$'
    AND "salesAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$' AND "refundsAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$'
    AND "feesAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$' AND "feeLiabilityAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$'
    AND "feesPayableAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$' AND "suspenseAccount" ~ '^[0-9A-Za-z][0-9A-Za-z.]{0,11}$'
  )
);
CREATE UNIQUE INDEX "JournalAccountSettings_partnerId_merchantId_key" ON "JournalAccountSettings"("partnerId", "merchantId");
CREATE INDEX "JournalAccountSettings_merchantId_idx" ON "JournalAccountSettings"("merchantId");

-- migrate:down
DROP TABLE "JournalAccountSettings";
