/**
 * Cached ledger dates of synthetic entries, inserted in one `INSERT … SELECT … FROM generate_series` (a million
 * rows in about a minute, not hours of fetching). Shared by the export benchmark (bench/export.ts) and the export
 * database tests, so both export the same kind of ledger.
 *
 * Each date has `fundsPerDay` funds entries (7 in 10 captures, 2 refunds, 1 fees-retained) and `feesPerDay` fees
 * entries (capture fees), in NOK, spread over the day. With `personalData`, every entry has a payer name, a masked
 * phone number and a message, and every thousandth message is a spreadsheet formula (the formula rule's test).
 */
export interface SyntheticLedgerShape {
  ledgerId: string;
  /** The first ledger date, YYYY-MM-DD; the dates follow one a day. */
  first: string;
  days: number;
  fundsPerDay: number;
  feesPerDay: number;
  personalData: boolean;
}

/** Anything that runs one SQL statement with positional parameters ($1…): Prisma's $executeRawUnsafe, pg. */
export type RunSql = (sql: string, ...params: unknown[]) => Promise<unknown>;

export async function insertSyntheticLedger(run: RunSql, s: SyntheticLedgerShape): Promise<void> {
  await run(
    `
    WITH d AS (
      INSERT INTO "LedgerDay" ("ledgerId", "topic", "ledgerDate", "entryCount", "hasPersonalData")
      SELECT $1::uuid, t.topic::"LedgerTopic", $2::date + g, CASE WHEN t.topic = 'funds' THEN $4::int ELSE $5::int END, $6::boolean
      FROM generate_series(0, $3::int - 1) g CROSS JOIN (VALUES ('funds'), ('fees')) t(topic)
      RETURNING id, topic, "ledgerDate", "entryCount"
    ), e AS (
      SELECT d.id, d.topic, d."ledgerDate", d."entryCount", s,
        CASE WHEN d.topic = 'fees' THEN 'capture-fee' WHEN s % 10 < 7 THEN 'capture' WHEN s % 10 < 9 THEN 'refund' ELSE 'fees-retained' END AS kind,
        CASE WHEN d.topic = 'fees' THEN -(s % 37 + 1) WHEN s % 10 < 7 THEN 1000 + s % 997 WHEN s % 10 < 9 THEN -(500 + s % 301) ELSE -(s % 53) END AS amount
      FROM d CROSS JOIN LATERAL generate_series(0, d."entryCount" - 1) s
    )
    INSERT INTO "LedgerEntry" ("ledgerDayId", "ledgerId", "topic", "ledgerDate", "seq", "pspReference", "reference", "entryType", "time", "currency",
      "amountMinor", "balanceBeforeMinor", "balanceAfterMinor", "recipientHandle", "payerName", "maskedPhoneNo", "message")
    SELECT e.id, $1::uuid, e.topic, e."ledgerDate", e.s, 'psp-' || e."ledgerDate" || '-' || e.s, 'order-' || e.s, e.kind,
      (e."ledgerDate"::timestamp + make_interval(secs => (e.s::bigint * 86399 / e."entryCount")::int)) AT TIME ZONE 'Europe/Oslo', 'NOK',
      e.amount, 0, e.amount, 'NO:123456',
      CASE WHEN $6::boolean THEN 'Payer Secretname ' || e.s END,
      CASE WHEN $6::boolean THEN '+47 9xx xx ' || lpad((e.s % 100)::text, 2, '0') END,
      CASE WHEN NOT $6::boolean THEN NULL WHEN e.s % 1000 = 0 THEN '=HYPERLINK("http://x")' ELSE 'Thanks' END
    FROM e`,
    s.ledgerId,
    s.first,
    s.days,
    s.fundsPerDay,
    s.feesPerDay,
    s.personalData,
  );
}
