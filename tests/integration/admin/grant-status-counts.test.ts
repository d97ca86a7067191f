import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

// Decision 041: the grant counts table is kept by triggers in the transaction of each grant change, so its sums
// equal a count of the grants at every step, whatever the change (one row, a bulk statement, a cascade) and
// however many run at once; compaction folds its rows without changing a sum. Its own database: the test counts
// every grant in it.
const scratch: ScratchDatabase = await createScratchDatabase("grantcounts");
const { db } = await import("@/lib/server/db");
const { compactGrantStatusCounts } = await import("@/lib/server/admin-access/grant-status-counts");
const { countOverviewByStatus } = await import("@/lib/server/admin-access/grant-overview");

type Key = `${string}|${string}`;

/** The table's sums by key (status, end date of an active grant), zero sums left out. */
async function tableCounts(): Promise<Record<Key, number>> {
  const rows = await db.$queryRaw<{ k: Key; n: number }[]>`
    SELECT status::text || '|' || COALESCE("validUntil"::text, '') AS k, sum(n)::int AS n FROM "LedgerGrantStatusCount" GROUP BY 1 HAVING sum(n) <> 0`;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** The same, counted from the grants themselves. */
async function grantCounts(): Promise<Record<Key, number>> {
  const rows = await db.$queryRaw<{ k: Key; n: number }[]>`
    SELECT status::text || '|' || COALESCE(CASE WHEN status = 'active' THEN "validUntil"::text END, '') AS k, count(*)::int AS n FROM "LedgerGrant" GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

const tableRows = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "LedgerGrantStatusCount"`)[0]!.n;

let merchantId = "";
let partnerId = "";
const partnerIds: string[] = [];
const ledgerIds: string[] = [];
const STATUSES = ["active", "pending_approval", "revoked", "expired", "declined"] as const;
const day = (d: number) => new Date(Date.UTC(2027, 0, 1 + d));

beforeAll(async () => {
  merchantId = (await db.merchant.create({ data: { slug: "count-m", name: "Count Merchant", country: "NO", orgNo: "955000001" }, select: { id: true } })).id;
  for (let p = 0; p < 3; p++) {
    partnerIds.push((await db.accountingPartner.create({ data: { slug: `count-p${p}`, name: `Count Partner ${p}`, country: "NO", orgNo: `85500000${p}`, status: "approved" }, select: { id: true } })).id);
  }
  partnerId = partnerIds[0]!;
  for (let l = 0; l < 20; l++) ledgerIds.push((await db.ledger.create({ data: { externalId: `955${l}`, merchantId, currency: "NOK" }, select: { id: true } })).id);
  // One bulk statement: 60 grants over every status, a few shared end dates and none (one per partner and ledger,
  // as at most one grant of a partner to a ledger may be live).
  await db.ledgerGrant.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      merchantId, partnerId: partnerIds[Math.floor(i / 20)]!, ledgerId: ledgerIds[i % 20]!, status: STATUSES[i % 5]!,
      validUntil: i % 3 === 0 ? null : day(i % 4), ...(STATUSES[i % 5] === "revoked" ? { revokedAt: new Date() } : {}),
    })),
  });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe("grant counts table (decision 041)", () => {
  it("equals a count of the grants after inserts, updates of status and end date, bulk updates and deletes, and cascades", async () => {
    expect(await tableCounts()).toEqual(await grantCounts());
    const some = await db.ledgerGrant.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } });
    const active = some.filter((g) => g.status === "active");
    const revoked = some.filter((g) => g.status === "revoked");

    // A status change and an end-date change of an active grant each move one grant between keys.
    await db.ledgerGrant.update({ where: { id: active[0]!.id }, data: { status: "revoked", revokedAt: new Date() } });
    await db.ledgerGrant.update({ where: { id: active[1]!.id }, data: { validUntil: day(40) } });
    await db.ledgerGrant.create({ data: { merchantId, partnerId, ledgerId: ledgerIds[0]!, status: "declined" } });
    expect(await tableCounts()).toEqual(await grantCounts());

    // Changes that do not move a grant between keys add no row: the last use, the end date of an ended grant.
    const rows = await tableRows();
    await db.ledgerGrant.update({ where: { id: active[2]!.id }, data: { lastUsedAt: new Date() } });
    await db.ledgerGrant.update({ where: { id: revoked[0]!.id }, data: { validUntil: day(90) } });
    expect(await tableRows()).toBe(rows);

    // One statement over many rows, as the expiry or a partner's bulk change would.
    await db.ledgerGrant.updateMany({ where: { status: "pending_approval" }, data: { status: "active", validUntil: day(7) } });
    await db.ledgerGrant.deleteMany({ where: { status: "declined" } });
    expect(await tableCounts()).toEqual(await grantCounts());

    // Deleting a ledger deletes its grants by cascade.
    await db.ledger.delete({ where: { id: ledgerIds[3]! } });
    expect(await tableCounts()).toEqual(await grantCounts());
  });

  it("stays exact with changes and compactions running at once, and compaction leaves one row per key", async () => {
    const grants = await db.ledgerGrant.findMany({ where: { status: "active" }, select: { id: true } });
    expect(grants.length).toBeGreaterThanOrEqual(10);
    // Each change in its own transaction, alongside three compactions.
    await Promise.all([
      ...grants.slice(0, 10).map((g, i) =>
        db.$transaction(async (tx) => {
          await tx.ledgerGrant.update({ where: { id: g.id }, data: i % 2 === 0 ? { status: "expired" } : { validUntil: day(100 + i) } });
          await tx.ledgerGrant.create({ data: { merchantId, partnerId, ledgerId: ledgerIds[i % 3]!, status: "expired", validUntil: day(i % 2) } });
        }),
      ),
      compactGrantStatusCounts(),
      compactGrantStatusCounts(),
      compactGrantStatusCounts(),
    ]);
    expect(await tableCounts()).toEqual(await grantCounts());

    // A change rolled back leaves no row behind.
    await expect(
      db.$transaction(async (tx) => {
        await tx.ledgerGrant.update({ where: { id: grants[11]!.id }, data: { status: "revoked", revokedAt: new Date() } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await tableCounts()).toEqual(await grantCounts());

    await compactGrantStatusCounts();
    expect(await tableRows()).toBe(Object.keys(await grantCounts()).length);
    expect(await tableCounts()).toEqual(await grantCounts());
    // Folded again, nothing changes.
    expect(await compactGrantStatusCounts()).toBe(0);
  });

  it("gives the overview's unfiltered counts, the same as counting the grants through a filter that selects them all", async () => {
    const today = "2027-01-02";
    const fromTable = await countOverviewByStatus({}, { today });
    // A merchant filter counts the grants themselves; this merchant holds every grant of this database.
    const fromGrants = await countOverviewByStatus({ merchantId }, { today });
    expect(fromTable).toEqual(fromGrants);
    expect(fromTable.total).toBe(await db.ledgerGrant.count());
    expect(fromTable.expiring_soon + fromTable.expired).toBeGreaterThan(0);
    expect(await countOverviewByStatus({ expiringWithinDays: 3 }, { today })).toEqual(await countOverviewByStatus({ expiringWithinDays: 3, merchantId }, { today }));
  });
});
