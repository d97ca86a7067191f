import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { changeGrant, grantLedgerAccess } from "@/lib/server/grants";
import { renewGrant } from "@/lib/server/renewals/renew-grant";
import { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, type GrantTestWorld } from "./support";

/**
 * Grant changes of one merchant and partner serialise (docs/decisions/011-serialising-grant-changes.md). These
 * fire the same core functions the server actions call, at the same moment, each in its own transaction on its
 * own pooled connection (the pool holds 10), many times over, and count the outcomes that broke a rule.
 */
let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants({ push: false }));
afterAll(() => world.stop());

const ROUNDS = 20;
const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const plain = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(30) };

describe("concurrent grant changes of one merchant and partner", () => {
  it("granting each ledger at the same moment never gives every ledger without a second admin", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    // Fjord Kaffe has three ledgers; Konto Partner holds none of them.
    const ledgers = await Promise.all(["302101", "302102", "302103"].map(ledgerId));
    const broken: string[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await resetGrants({ push: false });
      await Promise.all(ledgers.map((l) => grantLedgerAccess({ partnerId: konto, ledgerIds: [l], ...plain }, kari)));
      const grants = await db.ledgerGrant.findMany({ where: { partnerId: konto, merchantId: kari.merchantId }, select: { status: true } });
      const statuses = grants.map((g) => g.status).sort();
      // Two may go through; the grant that completes the set waits for Ola, whichever it is.
      if (statuses.join() !== "active,active,pending_approval") broken.push(statuses);
    }
    expect(broken, `${broken.length} of ${ROUNDS} rounds: ${JSON.stringify(broken)}`).toEqual([]);
  });

  it("a renewal and a narrowing at the same moment keep both: the narrowed scope with the renewed end date", async () => {
    const kari = await actor(EMAILS.kari);
    const ola = await actor(EMAILS.ola);
    const konto = await partnerId("konto-partner");
    const ledger = await ledgerId("302102");
    const broken: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await resetGrants({ push: false });
      const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [ledger], ...plain, validUntil: inDays(10) }, kari);
      const shown = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(10) };
      await Promise.all([
        // Ola renews for 30 days from the end date...
        renewGrant(ola, { grantId: grant!.id, length: "30" }),
        // ...while Kari, on the form she opened before, limits the ledger dates (the end date as she saw it).
        changeGrant({ grantId: grant!.id, ...shown, periodFrom: inDays(-30), base: shown }, kari),
      ]);
      const after = await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant!.id }, select: { status: true, periodFrom: true, validUntil: true } });
      const got = { status: after.status, periodFrom: after.periodFrom?.toISOString().slice(0, 10) ?? null, validUntil: after.validUntil?.toISOString().slice(0, 10) ?? null };
      const want = { status: "active", periodFrom: inDays(-30), validUntil: inDays(40) };
      if (JSON.stringify(got) !== JSON.stringify(want)) broken.push(got);
    }
    expect(broken, `${broken.length} of ${ROUNDS} rounds: ${JSON.stringify(broken)}`).toEqual([]);
  });
});
