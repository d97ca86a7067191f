import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { todayPortalDate } from "@/lib/dates";
import { getMerchantLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { addDays } from "@/lib/ledgers/range";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { ensureDemoWorld, merchantContextFor } from "@/tests/support/test-db";
import { sandboxStats, startLedgerSandbox, upstreamCalls } from "./sandbox-support";

// M6 on the data layer: a sales unit's own keys read its ledger only when that ledger settles that one sales unit.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

const kari = () => merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe");

describe("a merchant reading its own ledger", () => {
  it("reads a single-sales-unit ledger with that sales unit's keys, without personal data and without access-log rows", async () => {
    const result = await getMerchantLedgerAccess(await kari(), "212001");
    expect(result?.kind).toBe("ok");
    if (result?.kind !== "ok") return;
    expect(result.access.ledger.externalId).toBe("302101");
    expect(result.access.personalData).toBe(false);
    const date = addDays(todayPortalDate(), -8);
    const before = await db.ledgerAccessEvent.count();
    const view = await readLedgerRange(result.access, { from: date, to: date });
    expect(view.days[0]?.state).toBe("closed");
    expect(view.totals.funds.captures).toBeGreaterThan(0);
    // Upstream saw the sales unit's own keys.
    expect((await sandboxStats(sandbox)).byClientId["demo-msn-212001"]).toBeGreaterThan(0);
    expect(await db.ledgerAccessEvent.count()).toBe(before);
  });

  it("denies a ledger that settles two sales units before any upstream call, saying why", async () => {
    const callsBefore = upstreamCalls(await sandboxStats(sandbox));
    for (const msn of ["212003", "212004"]) {
      const result = await getMerchantLedgerAccess(await kari(), msn);
      expect(result?.kind).toBe("shared-ledger");
      if (result?.kind === "shared-ledger") {
        expect(result.ledger.externalId).toBe("302103");
        expect(result.ledger.salesUnits.map((s) => s.msn)).toEqual(["212003", "212004"]);
      }
    }
    expect(upstreamCalls(await sandboxStats(sandbox))).toBe(callsBefore);
  });

  it("answers null (404) for another merchant's sales unit, outside a manager's scope, and for malformed MSNs", async () => {
    const nils = await merchantContextFor("nils@nordlys.example", "nordlys-sport");
    expect(await getMerchantLedgerAccess(nils, "212001")).toBeNull();
    const mona = await merchantContextFor("mona@fjordkaffe.example", "fjord-kaffe");
    expect(await getMerchantLedgerAccess(mona, "212003")).toBeNull();
    expect((await getMerchantLedgerAccess(mona, "212001"))?.kind).toBe("ok");
    expect(await getMerchantLedgerAccess(await kari(), "21200x")).toBeNull();
    expect(await getMerchantLedgerAccess(await kari(), "1".repeat(40))).toBeNull();
  });

  it("lets a viewer read (read-only role) the ledger", async () => {
    const vera = await merchantContextFor("vera@fjordkaffe.example", "fjord-kaffe");
    expect((await getMerchantLedgerAccess(vera, "212002"))?.kind).toBe("ok");
  });

  it("says when no keys are stored for the sales unit", async () => {
    const unit = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212002" }, select: { id: true } });
    const stored = await db.apiCredential.findUniqueOrThrow({ where: { salesUnitId: unit.id } });
    await db.apiCredential.delete({ where: { id: stored.id } });
    try {
      expect((await getMerchantLedgerAccess(await kari(), "212002"))?.kind).toBe("no-keys");
    } finally {
      await db.apiCredential.create({ data: stored });
    }
    expect((await getMerchantLedgerAccess(await kari(), "212002"))?.kind).toBe("ok");
  });
});
