/**
 * Synthetic data at real size, inserted with `INSERT … SELECT … FROM generate_series` (seconds, not minutes).
 * Used by bench/seed-synthetic.ts (the issue-14 size: 10,004 merchants, 50,003 grants, 4,809 active grants for
 * one partner firm) and by the database tests that prove a list costs the same at 50 rows as at 5,000.
 *
 * Every synthetic row is recognisable: merchants `syn-m-NNNNN` (org. no. 7NNNNNNNN, one NOK ledger 9NNNNNN and
 * one API sales unit with MSN 8NNNNNN each), partners `syn-p-NNNN` (org. no. 6NNNNNNNN), users
 * `syn-user-NNNN@synthetic.example`. Nothing here touches the demo world's rows except by adding grants,
 * requests, access events, notifications and staff that point at them.
 */
import type pg from "pg";

export interface SyntheticShape {
  /** Synthetic merchants, each with one ledger and one sales unit. */
  merchants: number;
  /** Synthetic (approved) accounting partners. */
  partners: number;
  /** Existing partners (by slug) that get `grants` active grants, on synthetic ledgers 1..grants. */
  firms: { slug: string; grants: number }[];
  /** Grants of synthetic partners on synthetic ledgers, in a mix of statuses (6/10 active). */
  otherGrants: number;
  /** An existing merchant (by slug) whose ledger gets an active grant from each of the first N synthetic partners. */
  merchantGrants?: { merchantSlug: string; ledgerExternalId: string; grants: number };
  /** Pending access requests from synthetic partners to this existing merchant (by slug). */
  merchantRequests?: { merchantSlug: string; requests: number };
  /** Access-log events (reads by synthetic partners) on this existing merchant's ledger. */
  accessEvents?: { merchantSlug: string; ledgerExternalId: string; events: number };
  /** Notifications for each of these existing users (by e-mail). */
  notifications?: { emails: string[]; each: number };
  /** Synthetic users made accountants of this existing partner (by slug). */
  partnerStaff?: { partnerSlug: string; staff: number };
  /** Requests from this existing partner (by slug) to synthetic merchants by org. number: every other one pending, the rest declined. */
  partnerRequests?: { partnerSlug: string; requests: number };
  /** Grants waiting for a second admin (M5) on this existing merchant's ledger, from the first N synthetic partners. */
  pendingApprovals?: { merchantSlug: string; ledgerExternalId: string; grants: number };
  /** Active grants ending within the renewal window (1–44 days) on this existing merchant's ledger, from the first N synthetic partners. */
  endingGrants?: { merchantSlug: string; ledgerExternalId: string; grants: number };
}

export interface SyntheticCounts {
  merchants: number;
  grants: number;
  activeGrantsByFirm: Record<string, number>;
}

/** True when synthetic rows already exist in this database. */
export async function hasSyntheticWorld(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Merchant" WHERE slug LIKE 'syn-m-%'`);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** Inserts the synthetic rows in one transaction. Call on a database without synthetic rows. */
export async function insertSyntheticWorld(client: pg.ClientBase, shape: SyntheticShape): Promise<void> {
  const firmGrants = Math.max(0, ...shape.firms.map((f) => f.grants));
  if (firmGrants > shape.merchants) throw new Error("A firm cannot have more synthetic grants than there are synthetic ledgers.");
  if (shape.otherGrants > 0 && shape.partners * shape.merchants < shape.otherGrants) throw new Error("Too few synthetic partners and ledgers for the other grants.");
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMP TABLE syn_m ON COMMIT DROP AS
      SELECT i, gen_random_uuid() AS merchant_id, gen_random_uuid() AS ledger_id FROM generate_series(1, $1::int) AS i`, [shape.merchants]);
    await client.query(`CREATE UNIQUE INDEX ON syn_m (i)`);
    await client.query(`CREATE TEMP TABLE syn_p ON COMMIT DROP AS
      SELECT j, gen_random_uuid() AS partner_id FROM generate_series(1, $1::int) AS j`, [shape.partners]);
    await client.query(`CREATE UNIQUE INDEX ON syn_p (j)`);

    const words = `ARRAY['Kaffe','Bakeri','Sport','Bok','Blomster','Sykkel','Fisk','Sko','Optikk','Frisør']`;
    await client.query(`INSERT INTO "Merchant" (id, slug, name, country, "orgNo")
      SELECT merchant_id, 'syn-m-' || lpad(i::text, 5, '0'),
             'Synthetic ' || (${words})[1 + i % 10] || ' ' || lpad(i::text, 5, '0') || ' AS', 'NO', '7' || lpad(i::text, 8, '0')
      FROM syn_m`);
    await client.query(`INSERT INTO "Ledger" (id, "externalId", "merchantId", currency, "payoutAccountMask")
      SELECT ledger_id, '9' || lpad(i::text, 6, '0'), merchant_id, 'NOK', '••••' || lpad((i % 10000)::text, 4, '0') FROM syn_m`);
    await client.query(`INSERT INTO "SalesUnit" ("merchantId", msn, name, channel, "recipientHandle", "ledgerId")
      SELECT merchant_id, '8' || lpad(i::text, 6, '0'), 'Synthetic shop ' || lpad(i::text, 5, '0'), 'api', 'api:8' || lpad(i::text, 6, '0'), ledger_id FROM syn_m`);
    await client.query(`INSERT INTO "AccountingPartner" (id, slug, name, "orgNo", country, status, "approvedAt")
      SELECT partner_id, 'syn-p-' || lpad(j::text, 4, '0'), 'Synthetic Regnskap ' || lpad(j::text, 4, '0') || ' AS', '6' || lpad(j::text, 8, '0'), 'NO', 'approved', now() FROM syn_p`);

    for (const firm of shape.firms) {
      await client.query(`INSERT INTO "LedgerGrant" ("merchantId", "partnerId", "ledgerId", status, "includesPersonalData", "periodFrom", "validUntil")
        SELECT m.merchant_id, p.id, m.ledger_id, 'active', m.i % 5 = 0, CURRENT_DATE - 365, CASE WHEN m.i % 3 = 0 THEN NULL ELSE CURRENT_DATE + 180 END
        FROM syn_m m CROSS JOIN (SELECT id FROM "AccountingPartner" WHERE slug = $1) p WHERE m.i <= $2::int`, [firm.slug, firm.grants]);
    }
    if (shape.otherGrants > 0) {
      // Grant k is on synthetic ledger (k mod merchants)+1 for partner ((k mod partners) + k div merchants) mod partners + 1:
      // two grants on one ledger are k and k + t·merchants, whose partners differ by t (< partners): no duplicate pair.
      await client.query(`INSERT INTO "LedgerGrant" ("merchantId", "partnerId", "ledgerId", status, "includesPersonalData", "periodFrom", "validUntil", "revokedAt")
        SELECT m.merchant_id, p.partner_id, m.ledger_id,
               (CASE WHEN k % 10 < 6 THEN 'active' WHEN k % 10 < 8 THEN 'revoked' WHEN k % 10 = 8 THEN 'expired' ELSE 'declined' END)::"GrantStatus",
               k % 7 = 0, CURRENT_DATE - 730, CASE WHEN k % 10 = 8 THEN CURRENT_DATE - 30 ELSE CURRENT_DATE + 365 END,
               CASE WHEN k % 10 IN (6, 7) THEN now() - interval '10 days' END
        FROM generate_series(0, $1::int - 1) AS k
        JOIN syn_m m ON m.i = k % $2::int + 1
        JOIN syn_p p ON p.j = ((k % $3::int) + k / $2::int) % $3::int + 1`, [shape.otherGrants, shape.merchants, shape.partners]);
    }
    if (shape.merchantGrants) {
      const g = shape.merchantGrants;
      await client.query(`INSERT INTO "LedgerGrant" ("merchantId", "partnerId", "ledgerId", status, "periodFrom", "validUntil")
        SELECT l."merchantId", p.partner_id, l.id, 'active', CURRENT_DATE - 90, CURRENT_DATE + 90 + p.j % 200
        FROM syn_p p CROSS JOIN (SELECT l.id, l."merchantId" FROM "Ledger" l JOIN "Merchant" m ON m.id = l."merchantId" WHERE m.slug = $1 AND l."externalId" = $2) l
        WHERE p.j <= $3::int`, [g.merchantSlug, g.ledgerExternalId, g.grants]);
    }
    if (shape.merchantRequests) {
      const r = shape.merchantRequests;
      await client.query(`INSERT INTO "AccessRequest" ("partnerId", "merchantId", "requestedOrgNo", purpose, status, "expiresAt", "createdAt")
        SELECT p.partner_id, m.id, m."orgNo", 'Synthetic request ' || n, 'pending', now() + interval '30 days', now() - (n || ' minutes')::interval
        FROM generate_series(1, $2::int) AS n JOIN syn_p p ON p.j = (n - 1) % $3::int + 1
        CROSS JOIN (SELECT id, "orgNo" FROM "Merchant" WHERE slug = $1) m`, [r.merchantSlug, r.requests, shape.partners]);
    }
    if (shape.partnerRequests) {
      const r = shape.partnerRequests;
      await client.query(`INSERT INTO "AccessRequest" ("partnerId", "merchantId", "requestedOrgNo", purpose, status, "expiresAt", "createdAt", "decidedAt")
        SELECT p.id, m.merchant_id, '7' || lpad(m.i::text, 8, '0'), 'Synthetic submission ' || n,
               (CASE WHEN n % 2 = 0 THEN 'pending' ELSE 'declined' END)::"AccessRequestStatus", now() + interval '30 days', now() - (n || ' minutes')::interval,
               CASE WHEN n % 2 = 1 THEN now() - (n || ' minutes')::interval + interval '1 minute' END
        FROM generate_series(1, $2::int) AS n JOIN syn_m m ON m.i = (n - 1) % $3::int + 1
        CROSS JOIN (SELECT id FROM "AccountingPartner" WHERE slug = $1) p`, [r.partnerSlug, r.requests, shape.merchants]);
    }
    for (const [g, status, validUntil] of [
      [shape.pendingApprovals, "pending_approval", "CURRENT_DATE + 365"],
      [shape.endingGrants, "active", "CURRENT_DATE + 1 + p.j % 44"],
    ] as const) {
      if (!g) continue;
      await client.query(`INSERT INTO "LedgerGrant" ("merchantId", "partnerId", "ledgerId", status, "periodFrom", "validUntil")
        SELECT l."merchantId", p.partner_id, l.id, '${status}', CURRENT_DATE - 90, ${validUntil}
        FROM syn_p p CROSS JOIN (SELECT l.id, l."merchantId" FROM "Ledger" l JOIN "Merchant" m ON m.id = l."merchantId" WHERE m.slug = $1 AND l."externalId" = $2) l
        WHERE p.j <= $3::int`, [g.merchantSlug, g.ledgerExternalId, g.grants]);
    }
    if (shape.accessEvents) {
      const a = shape.accessEvents;
      await client.query(`INSERT INTO "LedgerAccessEvent" (at, "partnerId", "merchantId", "ledgerId", action, "fromDate", "toDate", format, "rowCount")
        SELECT now() - (n || ' minutes')::interval, p.partner_id, l."merchantId", l.id,
               (CASE WHEN n % 4 = 0 THEN 'export' ELSE 'read' END)::"LedgerAccessAction", CURRENT_DATE - 30, CURRENT_DATE - 1,
               (CASE WHEN n % 4 = 0 THEN 'csv' END)::"ExportFormat", CASE WHEN n % 4 = 0 THEN 1000 END
        FROM generate_series(1, $3::int) AS n JOIN syn_p p ON p.j = (n - 1) % $4::int + 1
        CROSS JOIN (SELECT l.id, l."merchantId" FROM "Ledger" l JOIN "Merchant" m ON m.id = l."merchantId" WHERE m.slug = $1 AND l."externalId" = $2) l`,
        [a.merchantSlug, a.ledgerExternalId, a.events, shape.partners]);
    }
    if (shape.notifications) {
      const nt = shape.notifications;
      await client.query(`INSERT INTO "Notification" ("userId", kind, title, body, "readAt", "createdAt")
        SELECT u.id, 'synthetic', 'Synthetic notice ' || n, 'A synthetic notification for load tests.', CASE WHEN n % 3 = 0 THEN now() END, now() - (n || ' minutes')::interval
        FROM generate_series(1, $2::int) AS n CROSS JOIN (SELECT id FROM "User" WHERE email = ANY($1::text[])) u`, [nt.emails, nt.each]);
    }
    if (shape.partnerStaff) {
      const s = shape.partnerStaff;
      await client.query(`WITH u AS (
          INSERT INTO "User" (email, name, "emailVerified")
          SELECT 'syn-user-' || lpad(n::text, 4, '0') || '@synthetic.example', 'Synthetic Accountant ' || lpad(n::text, 4, '0'), now()
          FROM generate_series(1, $2::int) AS n RETURNING id)
        INSERT INTO "PartnerMembership" ("userId", "partnerId", role)
        SELECT u.id, p.id, 'accountant' FROM u CROSS JOIN (SELECT id FROM "AccountingPartner" WHERE slug = $1) p`, [s.partnerSlug, s.staff]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
  await client.query("ANALYZE");
}

export async function countSyntheticWorld(client: pg.ClientBase, firmSlugs: string[]): Promise<SyntheticCounts> {
  const m = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Merchant"`);
  const g = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "LedgerGrant"`);
  const f = await client.query<{ slug: string; n: string }>(
    `SELECT p.slug, count(g.id) AS n FROM "AccountingPartner" p LEFT JOIN "LedgerGrant" g ON g."partnerId" = p.id AND g.status = 'active'
     WHERE p.slug = ANY($1::text[]) GROUP BY p.slug`, [firmSlugs]);
  return {
    merchants: Number(m.rows[0]?.n ?? 0),
    grants: Number(g.rows[0]?.n ?? 0),
    activeGrantsByFirm: Object.fromEntries(f.rows.map((r) => [r.slug, Number(r.n)])),
  };
}
