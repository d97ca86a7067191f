-- migrate:up
-- The admin overview's unfiltered counts by status without scanning every grant (docs/decisions/041).
-- Each grant change adds a signed row here in the same transaction (+1 for the new key, -1 for the old), so the
-- sum by key is always exact for any snapshot. Writers only INSERT: no row is shared between transactions, so
-- grant changes never wait for one another here nor deadlock (an upserted counter row would be locked by one
-- grant change until its commit). A job folds the rows into one per key ("admin.compact-grant-counts").
-- The key is the stored status and, for active grants only, the end date: what the display status
-- ("expiring soon", "expired") is computed from at read time, so the counts need no daily refresh.
CREATE TABLE "LedgerGrantStatusCount" (
  "id" BIGSERIAL PRIMARY KEY,
  "status" "GrantStatus" NOT NULL,
  "validUntil" DATE,
  "n" INTEGER NOT NULL,
  CONSTRAINT "LedgerGrantStatusCount_key_check" CHECK ("status" = 'active' OR "validUntil" IS NULL)
);

-- Bulk inserts and deletes (the seed, cascades from a merchant, partner or ledger) add one row per key per
-- statement, from the statement's transition table.
CREATE FUNCTION ledger_grant_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerGrantStatusCount" ("status", "validUntil", "n")
    SELECT "status", CASE WHEN "status" = 'active' THEN "validUntil" END, count(*) FROM new_grants GROUP BY 1, 2;
  RETURN NULL;
END
$$;

CREATE FUNCTION ledger_grant_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerGrantStatusCount" ("status", "validUntil", "n")
    SELECT "status", CASE WHEN "status" = 'active' THEN "validUntil" END, -count(*) FROM old_grants GROUP BY 1, 2;
  RETURN NULL;
END
$$;

-- An update: per row, and only when the key changes (the WHEN clause is checked without calling the function,
-- so the frequent updates of lastUsedAt, reminders and scope cost nothing here).
CREATE FUNCTION ledger_grant_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerGrantStatusCount" ("status", "validUntil", "n") VALUES
    (OLD."status", CASE WHEN OLD."status" = 'active' THEN OLD."validUntil" END, -1),
    (NEW."status", CASE WHEN NEW."status" = 'active' THEN NEW."validUntil" END, 1);
  RETURN NULL;
END
$$;

CREATE FUNCTION ledger_grant_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "LedgerGrantStatusCount";
  RETURN NULL;
END
$$;

CREATE TRIGGER "LedgerGrant_count_insert" AFTER INSERT ON "LedgerGrant"
  REFERENCING NEW TABLE AS new_grants FOR EACH STATEMENT EXECUTE FUNCTION ledger_grant_count_inserted();
CREATE TRIGGER "LedgerGrant_count_delete" AFTER DELETE ON "LedgerGrant"
  REFERENCING OLD TABLE AS old_grants FOR EACH STATEMENT EXECUTE FUNCTION ledger_grant_count_deleted();
CREATE TRIGGER "LedgerGrant_count_update" AFTER UPDATE OF "status", "validUntil" ON "LedgerGrant"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR (NEW."status" = 'active' AND OLD."validUntil" IS DISTINCT FROM NEW."validUntil"))
  EXECUTE FUNCTION ledger_grant_count_updated();
CREATE TRIGGER "LedgerGrant_count_truncate" AFTER TRUNCATE ON "LedgerGrant"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_grant_count_truncated();

-- The grants there already.
INSERT INTO "LedgerGrantStatusCount" ("status", "validUntil", "n")
  SELECT "status", CASE WHEN "status" = 'active' THEN "validUntil" END, count(*) FROM "LedgerGrant" GROUP BY 1, 2;

-- migrate:down
DROP TRIGGER "LedgerGrant_count_truncate" ON "LedgerGrant";
DROP TRIGGER "LedgerGrant_count_update" ON "LedgerGrant";
DROP TRIGGER "LedgerGrant_count_delete" ON "LedgerGrant";
DROP TRIGGER "LedgerGrant_count_insert" ON "LedgerGrant";
DROP FUNCTION ledger_grant_count_truncated();
DROP FUNCTION ledger_grant_count_updated();
DROP FUNCTION ledger_grant_count_deleted();
DROP FUNCTION ledger_grant_count_inserted();
DROP TABLE "LedgerGrantStatusCount";
