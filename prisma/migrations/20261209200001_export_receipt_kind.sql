-- migrate:up
-- P4 (decision 030): the voucher journal is an export too, with a receipt like the ledger files. The kind says
-- which file a receipt proves (and how "download again" rebuilds it).
CREATE TYPE "ExportKind" AS ENUM ('entries', 'journal');
ALTER TABLE "ExportReceipt" ADD COLUMN "kind" "ExportKind" NOT NULL DEFAULT 'entries';

-- migrate:down
ALTER TABLE "ExportReceipt" DROP COLUMN "kind";
DROP TYPE "ExportKind";
