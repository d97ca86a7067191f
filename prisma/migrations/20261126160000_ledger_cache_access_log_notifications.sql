-- migrate:up
-- Reading ledgers (cache of closed ledger dates, feed cursors) and the life of a grant (access log,
-- notifications, mail outbox, four-eyes and reminder bookkeeping).

CREATE TYPE "LedgerTopic" AS ENUM ('funds', 'fees');
CREATE TYPE "LedgerAccessAction" AS ENUM ('read', 'export');

-- A closed ledger date never changes upstream: it is fetched once and served from here afterwards.
CREATE TABLE "LedgerDay" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "ledgerId" UUID NOT NULL,
  "topic" "LedgerTopic" NOT NULL,
  "ledgerDate" DATE NOT NULL,
  "entryCount" INTEGER NOT NULL,
  "hasPersonalData" BOOLEAN NOT NULL DEFAULT false,
  "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "LedgerDay_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerDay_entryCount_nonneg" CHECK ("entryCount" >= 0),
  CONSTRAINT "LedgerDay_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "LedgerDay_ledgerId_topic_ledgerDate_key" ON "LedgerDay"("ledgerId", "topic", "ledgerDate");

CREATE TABLE "LedgerEntry" (
  "id" BIGSERIAL NOT NULL,
  "ledgerDayId" UUID NOT NULL,
  "ledgerId" UUID NOT NULL,
  "topic" "LedgerTopic" NOT NULL,
  "ledgerDate" DATE NOT NULL,
  "seq" INTEGER NOT NULL,
  "pspReference" TEXT NOT NULL,
  "reference" TEXT,
  "entryType" TEXT NOT NULL,
  "time" TIMESTAMPTZ(3) NOT NULL,
  "currency" "Currency" NOT NULL,
  "amountMinor" BIGINT NOT NULL,
  "balanceBeforeMinor" BIGINT NOT NULL,
  "balanceAfterMinor" BIGINT NOT NULL,
  "recipientHandle" TEXT,
  "payerName" TEXT,
  "maskedPhoneNo" TEXT,
  "message" TEXT,
  CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerEntry_seq_nonneg" CHECK ("seq" >= 0),
  CONSTRAINT "LedgerEntry_ledgerDayId_fkey" FOREIGN KEY ("ledgerDayId") REFERENCES "LedgerDay"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerEntry_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "LedgerEntry_ledgerDayId_seq_key" ON "LedgerEntry"("ledgerDayId", "seq");
CREATE INDEX "LedgerEntry_ledgerId_ledgerDate_idx" ON "LedgerEntry"("ledgerId", "ledgerDate");
CREATE INDEX "LedgerEntry_ledgerId_pspReference_idx" ON "LedgerEntry"("ledgerId", "pspReference");
CREATE INDEX "LedgerEntry_ledgerId_reference_idx" ON "LedgerEntry"("ledgerId", "reference");

-- Where the background sync stands on each ledger's feed, and how far the ledger is complete.
CREATE TABLE "LedgerSyncState" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "ledgerId" UUID NOT NULL,
  "topic" "LedgerTopic" NOT NULL,
  "feedCursor" TEXT,
  "lastClosedDate" DATE,
  "lastSyncedAt" TIMESTAMPTZ(3),
  "lastError" TEXT,
  "lastErrorAt" TIMESTAMPTZ(3),
  CONSTRAINT "LedgerSyncState_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerSyncState_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "LedgerSyncState_ledgerId_topic_key" ON "LedgerSyncState"("ledgerId", "topic");

-- M7: who at which partner read or exported which ledger and dates, when, in which format.
CREATE TABLE "LedgerAccessEvent" (
  "id" BIGSERIAL NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "userId" UUID,
  "partnerId" UUID,
  "merchantId" UUID NOT NULL,
  "ledgerId" UUID NOT NULL,
  "grantId" UUID,
  "action" "LedgerAccessAction" NOT NULL,
  "fromDate" DATE NOT NULL,
  "toDate" DATE NOT NULL,
  "format" "ExportFormat",
  "rowCount" INTEGER,
  CONSTRAINT "LedgerAccessEvent_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "LedgerAccessEvent_period_order" CHECK ("fromDate" <= "toDate"),
  CONSTRAINT "LedgerAccessEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "LedgerAccessEvent_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "AccountingPartner"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerAccessEvent_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerAccessEvent_ledgerId_fkey" FOREIGN KEY ("ledgerId") REFERENCES "Ledger"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "LedgerAccessEvent_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "LedgerGrant"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "LedgerAccessEvent_merchantId_at_idx" ON "LedgerAccessEvent"("merchantId", "at");
CREATE INDEX "LedgerAccessEvent_partnerId_at_idx" ON "LedgerAccessEvent"("partnerId", "at");

-- In-app notifications (the partner is told of grant changes; reminders; digests).
CREATE TABLE "Notification" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "userId" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "href" TEXT,
  "readAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Notification_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- Mail waiting to be sent (written in the same transaction as the change it reports).
CREATE TABLE "OutboxEmail" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "toAddress" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sentAt" TIMESTAMPTZ(3),
  CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "OutboxEmail_sentAt_idx" ON "OutboxEmail"("sentAt");

ALTER TABLE "LedgerGrant"
  ADD COLUMN "requiresSecondApproval" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "requestId" UUID,
  ADD COLUMN "lastReminderDays" INTEGER,
  ADD COLUMN "consentText" TEXT,
  ADD CONSTRAINT "LedgerGrant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- migrate:down
ALTER TABLE "LedgerGrant" DROP CONSTRAINT "LedgerGrant_requestId_fkey",
  DROP COLUMN "requiresSecondApproval", DROP COLUMN "requestId", DROP COLUMN "lastReminderDays", DROP COLUMN "consentText";
DROP TABLE "OutboxEmail", "Notification", "LedgerAccessEvent", "LedgerSyncState", "LedgerEntry", "LedgerDay";
DROP TYPE "LedgerAccessAction", "LedgerTopic";
