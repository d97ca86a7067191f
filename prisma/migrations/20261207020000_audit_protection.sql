-- migrate:up
-- The audit trail holds even against the portal itself (docs/decisions/019-audit-trail-that-holds.md).
-- 1. No change to a stored event at all: the trigger no longer lets anything through. A user who acted cannot be
--    deleted any more (ON DELETE RESTRICT instead of SET NULL): users are deactivated, the chain never changes.
-- 2. TRUNCATE is refused by a statement trigger (besides the app role having no TRUNCATE privilege).
-- 3. The chain's head (count, last id, last hash) is kept in "AuditChainHead" by a SECURITY DEFINER trigger on
--    insert; the app role may only read it. Verify compares the chain with it, so a removed tail is detected.
--    The same trigger refuses an insert that does not name the head's hash as its predecessor.
-- The app's own role and its privileges are made by the start script (scripts/lib/app-role.ts), not here: the
-- role's name is the operator's choice.

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorUserId_fkey";
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AuditChainHead" (
  "id" BOOLEAN NOT NULL DEFAULT true,
  "events" BIGINT NOT NULL,
  "lastId" BIGINT NOT NULL,
  "lastHash" TEXT NOT NULL,
  CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "AuditChainHead_one_row" CHECK ("id")
);
-- An existing trail gets its head now; an empty one gets it with its first event (so a restore into a freshly
-- migrated database loads the backup's head row without a conflict).
INSERT INTO "AuditChainHead" ("id", "events", "lastId", "lastHash")
SELECT true, (SELECT count(*) FROM "AuditEvent"), last."id", last."hash"
FROM (SELECT "id", "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) last;

CREATE FUNCTION audit_chain_advance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE head "AuditChainHead"%ROWTYPE;
BEGIN
  SELECT * INTO head FROM "AuditChainHead" WHERE "id" FOR UPDATE;
  IF NOT FOUND THEN
    IF NEW."prevHash" <> repeat('0', 64) THEN
      RAISE EXCEPTION 'AuditEvent must name the chain head as its predecessor' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO "AuditChainHead" ("id", "events", "lastId", "lastHash") VALUES (true, 1, NEW."id", NEW."hash");
    RETURN NULL;
  END IF;
  -- A restore that loaded the head before the events: the head already counts this row.
  IF NEW."id" <= head."lastId" THEN RETURN NULL; END IF;
  IF NEW."prevHash" <> head."lastHash" THEN
    RAISE EXCEPTION 'AuditEvent must name the chain head as its predecessor' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  UPDATE "AuditChainHead" SET "events" = head."events" + 1, "lastId" = NEW."id", "lastHash" = NEW."hash" WHERE "id";
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION audit_chain_advance() FROM PUBLIC;
CREATE TRIGGER "AuditEvent_advance_head" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_advance();

-- Only the trigger above moves the head. A restore may load the head row into an empty table (or load the very
-- row the trigger already built from the restored events); nothing else writes it.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE head "AuditChainHead"%ROWTYPE;
BEGIN
  IF TG_OP <> 'TRUNCATE' AND pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT * INTO head FROM "AuditChainHead" WHERE "id";
    IF NOT FOUND THEN RETURN NEW; END IF;
    IF head."events" = NEW."events" AND head."lastId" = NEW."lastId" AND head."lastHash" = NEW."lastHash" THEN RETURN NULL; END IF;
  END IF;
  RAISE EXCEPTION 'AuditChainHead is kept by the audit trail itself (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditChainHead_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AuditChainHead"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER "AuditChainHead_no_truncate" BEFORE TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent", "AuditChainHead" FROM PUBLIC;

-- The audit page's event-type filter, keyset-paged by id.
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- migrate:down
DROP INDEX "AuditEvent_action_id_idx";
DROP TRIGGER "AuditChainHead_no_truncate" ON "AuditChainHead";
DROP TRIGGER "AuditChainHead_guard" ON "AuditChainHead";
DROP FUNCTION audit_chain_head_guard();
DROP TRIGGER "AuditEvent_advance_head" ON "AuditEvent";
DROP FUNCTION audit_chain_advance();
DROP TABLE "AuditChainHead";
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorUserId_fkey";
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
DROP TRIGGER "AuditEvent_no_truncate" ON "AuditEvent";
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorUserId" IS NULL AND OLD."actorUserId" IS NOT NULL
     AND NEW."hash" = OLD."hash" AND NEW."prevHash" = OLD."prevHash" AND NEW."action" = OLD."action"
     AND NEW."before" IS NOT DISTINCT FROM OLD."before" AND NEW."after" IS NOT DISTINCT FROM OLD."after" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
