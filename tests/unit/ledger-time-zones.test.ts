import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEDGER_TZ, ledgerTimeZone, shiftLedgerDate, todayLedgerDate, todayPortalDate } from "@/lib/dates";
import { createReportApiClient } from "@/lib/report-api/client";
import { MERCHANTS } from "@/lib/demo-world/world";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";

// 22:30 UTC in January: 23:30 in Oslo and Copenhagen (still the 15th), 00:30 in Helsinki (already the 16th).
const AT = new Date("2026-01-15T22:30:00Z");

describe("each ledger's dates are in its own country's zone (decision 039)", () => {
  it("a Finnish ledger's today is Helsinki's date, a Norwegian and a Danish one's their own", () => {
    expect(todayLedgerDate(AT, ledgerTimeZone("FI"))).toBe("2026-01-16");
    expect(todayLedgerDate(AT, ledgerTimeZone("NO"))).toBe("2026-01-15");
    expect(todayLedgerDate(AT, ledgerTimeZone("DK"))).toBe("2026-01-15");
    // The portal's own calendar (grant end dates) stays Oslo's.
    expect(todayPortalDate(AT)).toBe("2026-01-15");
    expect(DEFAULT_LEDGER_TZ).toBe("Europe/Oslo");
    // Summer: 22:30 UTC is 00:30 in Oslo too, 01:30 in Helsinki; both already the next day.
    expect(todayLedgerDate(new Date("2026-06-30T22:30:00Z"), ledgerTimeZone("NO"))).toBe("2026-07-01");
    expect(todayLedgerDate(new Date("2026-06-30T21:30:00Z"), ledgerTimeZone("FI"))).toBe("2026-07-01");
    expect(todayLedgerDate(new Date("2026-06-30T21:30:00Z"), ledgerTimeZone("NO"))).toBe("2026-06-30");
  });
});

describe("the portal and the sandbox agree on which date is open", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, host: "127.0.0.1", now: () => AT.getTime(), closedDays: 5, seed: "ledger-time-zones" });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  /** A ledger of a merchant in `country` that one sales unit's own keys can read, and a client with those keys. */
  async function merchantLedger(country: "NO" | "DK" | "FI") {
    const ids = new Set(MERCHANTS.filter((m) => m.country === country).flatMap((m) => m.ledgers.map((l) => l.ledgerId)));
    const demo = (await (await fetch(`${sb.url}/sandbox/credentials`)).json()) as { merchants: { msn: string; clientId: string; clientSecret: string; subscriptionKey: string; ledgerId: string; ledgerSalesUnitCount: number }[] };
    const m = demo.merchants.find((x) => ids.has(x.ledgerId) && x.ledgerSalesUnitCount === 1);
    if (!m) throw new Error(`no single-unit ${country} ledger with keys`);
    return { ledgerId: m.ledgerId, client: createReportApiClient({ baseUrl: sb.url, credentials: { kind: "merchant", clientId: m.clientId, clientSecret: m.clientSecret, subscriptionKey: m.subscriptionKey, msn: m.msn } }) };
  }

  // The demo world's Danish ledgers have no single-unit merchant keys; Copenhagen keeps Oslo's offsets anyway.
  // Before decision 039 the sandbox closed every ledger at Oslo's midnight: the FI case failed on "closed".
  for (const country of ["FI", "NO"] as const) {
    it(`for a ${country} ledger at 22:30 UTC: the portal's today is open upstream, the day before is closed`, async () => {
      const { ledgerId, client } = await merchantLedger(country);
      const today = todayLedgerDate(AT, ledgerTimeZone(country));
      expect((await client.getLedgerDate(ledgerId, "funds", today)).state).toBe("open");
      expect((await client.getLedgerDate(ledgerId, "funds", shiftLedgerDate(today, -1))).state).toBe("closed");
    });
  }
});
