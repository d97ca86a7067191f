import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { todayPortalDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { addDays } from "@/lib/ledgers/range";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { forgetCachedDates, sandboxAdmin, startLedgerSandbox } from "./sandbox-support";

// P2's explicit states: when upstream is down, slow to accept us, or does not (yet) know the grant, a read still
// answers with what it has and says why the rest is missing; it never throws a 500 at the page.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterEach(async () => {
  await sandboxAdmin(sandbox, "POST", "reset");
});
afterAll(async () => {
  await sandbox?.stop();
});

async function perAccess() {
  return (await getPartnerLedgerAccess(await partnerContextFor("per@tallbalanse.example", "tall-og-balanse"), "302101"))!;
}

describe("upstream problems", () => {
  it("shows cached dates and marks the others unavailable when upstream answers 500", async () => {
    const today = todayPortalDate();
    const cachedDate = addDays(today, -12);
    const access = await perAccess();
    await forgetCachedDates("302101", [addDays(cachedDate, 1)]);
    await readLedgerRange(access, { from: cachedDate, to: cachedDate });
    await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ kind: "500", probability: 1, routes: "report" }] });
    const view = await readLedgerRange(access, { from: cachedDate, to: addDays(cachedDate, 1) });
    expect(view.days.map((d) => d.state)).toEqual(["closed", "unavailable"]);
    expect(view.unavailableDates).toEqual([addDays(cachedDate, 1)]);
    expect(view.problem).toBe("UPSTREAM_UNAVAILABLE");
    expect(view.completeThrough).toBe(cachedDate);
    // Totals count the readable date only.
    expect(view.totals.funds.net).toBe(view.days[0]!.funds!.net);
  });

  it("says so when upstream asks to slow down for longer than a person should wait", async () => {
    await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ kind: "429", probability: 1, routes: "report", retryAfterSeconds: 30 }] });
    const date = addDays(todayPortalDate(), -13);
    await forgetCachedDates("302101", [date]);
    const view = await readLedgerRange(await perAccess(), { from: date, to: date });
    expect(view.problem).toBe("RATE_LIMITED");
    expect(view.retryAfterSeconds).toBe(30);
  });

  it("says so when upstream does not let the partner's keys see a ledger granted here (drift)", async () => {
    await sandboxAdmin(sandbox, "PUT", "drift", { partnerOrgNo: "987654321", extraLedgerIds: [], missingLedgerIds: ["302101"] });
    const date = addDays(todayPortalDate(), -14);
    await forgetCachedDates("302101", [date]);
    const view = await readLedgerRange(await perAccess(), { from: date, to: date });
    expect(view.problem).toBe("NOT_FOUND");
  });

  it("says so when the keys are refused", async () => {
    await sandboxAdmin(sandbox, "PUT", "partners/987654321/status", { status: "suspended" });
    await sandboxAdmin(sandbox, "POST", "tokens/expire", {});
    const date = addDays(todayPortalDate(), -15);
    await forgetCachedDates("302101", [date]);
    const view = await readLedgerRange(await perAccess(), { from: date, to: date });
    expect(view.problem).toBe("UNAUTHENTICATED");
  });
});
