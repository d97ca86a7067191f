import { describe, expect, it } from "vitest";
import { createReportApiClient } from "./client";
import { MERCHANT, PARTNER, fakeUpstream, json, rawEntry, type RecordedCall } from "./test-helpers";
import { TokenCache } from "./tokens";
import type { ReportApiCredentials } from "./types";

const BASE = "https://api.example.test";

function setup(report: (call: RecordedCall) => Response, credentials: ReportApiCredentials = PARTNER) {
  const up = fakeUpstream((call) => {
    if (call.method === "POST") return json(200, { token_type: "Bearer", expires_in: "3600", access_token: "tok-abc" });
    return report(call);
  });
  const client = createReportApiClient({ baseUrl: BASE, credentials, fetch: up.fetch, tokenCache: new TokenCache(), sleep: async () => {} });
  return { up, client, reportCalls: () => up.calls.filter((c) => c.method === "GET") };
}

describe("headers per key type", () => {
  it("merchant keys send Bearer, subscription key, MSN and Vipps-System headers", async () => {
    const { client, reportCalls } = setup(() => json(200, { cursor: "", items: [] }), MERCHANT);
    await client.listLedgers();
    const h = reportCalls()[0]?.headers;
    expect(h?.get("authorization")).toBe("Bearer tok-abc");
    expect(h?.get("ocp-apim-subscription-key")).toBe(MERCHANT.subscriptionKey);
    expect(h?.get("merchant-serial-number")).toBe("212001");
    expect(h?.get("vipps-system-name")).toBe("ledger-access-portal");
    expect(h?.get("vipps-system-plugin-name")).toBe("report-api-client");
  });

  it("partner keys send the bearer token only (plus Vipps-System headers)", async () => {
    const { client, reportCalls } = setup(() => json(200, { cursor: "", items: [] }), PARTNER);
    await client.listLedgers();
    const h = reportCalls()[0]?.headers;
    expect(h?.get("authorization")).toBe("Bearer tok-abc");
    expect(h?.get("ocp-apim-subscription-key")).toBeNull();
    expect(h?.get("merchant-serial-number")).toBeNull();
    expect(h?.get("client_secret")).toBeNull();
    expect(h?.get("vipps-system-version")).toBe("0.1.0");
  });
});

describe("ledgers", () => {
  it("follows the cursor until it is empty and keeps the filter on every page", async () => {
    const pages: Record<string, unknown> = {
      "": { cursor: "c1", items: [{ ledgerId: "1" }, { ledgerId: "2" }] },
      c1: { cursor: "c2", items: [{ ledgerId: "3" }] },
      c2: { cursor: "", items: [{ ledgerId: "4" }] },
    };
    const { client, reportCalls } = setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
    const ledgers = await client.listLedgers({ settlesForRecipientHandles: "api:212001" });
    expect(ledgers.map((l) => l.ledgerId)).toEqual(["1", "2", "3", "4"]);
    expect(reportCalls().map((c) => c.url.searchParams.get("settlesForRecipientHandles"))).toEqual(["api:212001", "api:212001", "api:212001"]);
  });

  it("refuses to loop on a repeated cursor", async () => {
    const { client, reportCalls } = setup(() => json(200, { cursor: "same", items: [{ ledgerId: "1" }] }));
    await expect(client.listLedgers()).rejects.toMatchObject({ code: "UPSTREAM_INVALID" });
    expect(reportCalls()).toHaveLength(2);
  });
});

describe("ledger dates", () => {
  const datePages: Record<string, unknown> = {
    "": { hasMore: true, cursor: "p2", tryLater: false, items: [rawEntry({ pspReference: "a" }), rawEntry({ pspReference: "b" })] },
    p2: { hasMore: true, cursor: "p3", tryLater: false, items: [rawEntry({ pspReference: "c", entryType: "brand-new-type" })] },
    p3: { hasMore: false, tryLater: false, items: [rawEntry({ pspReference: "d", name: "Kari", maskedPhoneNo: "xxxx 1234", message: "hei" })] },
  };

  it("reads every page once, repeating includeGDPRSensitiveData=true on each", async () => {
    const { client, reportCalls } = setup((call) => json(200, datePages[call.url.searchParams.get("cursor") ?? ""]));
    const res = await client.getLedgerDate("302101", "funds", "2026-03-02", { includeGDPRSensitiveData: true });
    expect(res).toMatchObject({ ledgerId: "302101", topic: "funds", date: "2026-03-02", state: "closed", pages: 3 });
    expect(res.entries.map((e) => e.pspReference)).toEqual(["a", "b", "c", "d"]);
    expect(res.entries[2]?.entryType).toBe("brand-new-type");
    expect(res.entries[3]?.name).toBe("Kari");
    const calls = reportCalls();
    expect(calls.map((c) => c.url.pathname)).toEqual(Array(3).fill("/report/v2/ledgers/302101/funds/dates/2026-03-02"));
    expect(calls.map((c) => c.url.searchParams.get("includeGDPRSensitiveData"))).toEqual(["true", "true", "true"]);
    expect(calls.map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "p2", "p3"]);
  });

  it("does not send includeGDPRSensitiveData unless asked", async () => {
    const { client, reportCalls } = setup((call) => json(200, datePages[call.url.searchParams.get("cursor") ?? ""]));
    await client.getLedgerDate("302101", "fees", "2026-03-02");
    expect(reportCalls().every((c) => !c.url.searchParams.has("includeGDPRSensitiveData"))).toBe(true);
  });

  it("returns tryLater as state 'open' with what is there so far, also when tryLater comes with hasMore", async () => {
    const pages: Record<string, unknown> = {
      "": { hasMore: true, cursor: "x", tryLater: true, items: [rawEntry()] },
      x: { hasMore: false, tryLater: true, items: [] },
    };
    const { client } = setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
    const res = await client.getLedgerDate("302101", "funds", "2026-03-02");
    expect(res).toMatchObject({ state: "open", pages: 2 });
    expect(res.entries).toHaveLength(1);
  });

  it("the page iterator yields pages lazily", async () => {
    const { client, reportCalls } = setup((call) => json(200, datePages[call.url.searchParams.get("cursor") ?? ""]));
    const it = client.iterateLedgerDatePages("302101", "funds", "2026-03-02");
    const first = await it.next();
    expect(first.value).toMatchObject({ index: 0, hasMore: true, tryLater: false });
    expect(reportCalls()).toHaveLength(1);
    await it.return(undefined);
  });

  it("hasMore without a cursor, or a cursor that repeats, is UPSTREAM_INVALID", async () => {
    const noCursor = setup(() => json(200, { hasMore: true, tryLater: false, items: [] }));
    await expect(noCursor.client.getLedgerDate("302101", "funds", "2026-03-02")).rejects.toMatchObject({ code: "UPSTREAM_INVALID", issues: ["cursor"] });
    const loop = setup(() => json(200, { hasMore: true, cursor: "again", tryLater: false, items: [] }));
    await expect(loop.client.getLedgerDate("302101", "funds", "2026-03-02")).rejects.toMatchObject({ code: "UPSTREAM_INVALID" });
    expect(loop.reportCalls()).toHaveLength(2);
  });
});

describe("feed", () => {
  function feed() {
    const pages: Record<string, unknown> = {
      "": { cursor: "f1", tryLater: false, items: [rawEntry({ pspReference: "1" })] },
      f1: { cursor: "f2", tryLater: false, items: [rawEntry({ pspReference: "2" })] },
      f2: { cursor: "f2", tryLater: true, items: [] },
    };
    return setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
  }

  it("reads from the start to tryLater and returns the cursor to continue from", async () => {
    const { client, reportCalls } = feed();
    const res = await client.readFeed("302101", "funds", { includeGDPRSensitiveData: true });
    expect(res).toMatchObject({ cursor: "f2", caughtUp: true, pages: 3 });
    expect(res.entries.map((e) => e.pspReference)).toEqual(["1", "2"]);
    expect(reportCalls().map((c) => c.url.searchParams.get("includeGDPRSensitiveData"))).toEqual(["true", "true", "true"]);
  });

  it("resumes from a stored cursor and stops at maxPages with caughtUp false", async () => {
    const { client, reportCalls } = feed();
    const res = await client.readFeed("302101", "funds", { cursor: "f1", maxPages: 1 });
    expect(res).toMatchObject({ cursor: "f2", caughtUp: false, pages: 1 });
    expect(reportCalls()[0]?.url.searchParams.get("cursor")).toBe("f1");
  });

  it("at the end returns the same cursor and no entries", async () => {
    const { client } = feed();
    expect(await client.readFeed("302101", "funds", { cursor: "f2" })).toEqual({ entries: [], cursor: "f2", caughtUp: true, pages: 1 });
  });
});

describe("feed: cursors that do not move, repeated entries", () => {
  it("a page of entries that leaves the cursor where it was is UPSTREAM_INVALID, not the end of the feed", async () => {
    // Regression: the client took an unmoved cursor for the end and kept the page's entries; the next run asked
    // from the same cursor and got (and counted) the same entries again.
    const pages: Record<string, unknown> = {
      "": { cursor: "f1", tryLater: false, items: [rawEntry({ pspReference: "1" })] },
      f1: { cursor: "f1", tryLater: false, items: [rawEntry({ pspReference: "2" })] },
    };
    const { client, reportCalls } = setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
    await expect(client.readFeed("302101", "funds")).rejects.toMatchObject({ code: "UPSTREAM_INVALID", issues: ["cursor"] });
    expect(reportCalls()).toHaveLength(2);
  });

  it("a cursor that comes back after another one is UPSTREAM_INVALID, not a loop", async () => {
    const pages: Record<string, unknown> = {
      "": { cursor: "a", tryLater: false, items: [rawEntry({ pspReference: "1" })] },
      a: { cursor: "b", tryLater: false, items: [rawEntry({ pspReference: "2" })] },
      b: { cursor: "a", tryLater: false, items: [rawEntry({ pspReference: "3" })] },
    };
    const { client, reportCalls } = setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
    await expect(client.readFeed("302101", "funds", { maxPages: 50 })).rejects.toMatchObject({ code: "UPSTREAM_INVALID" });
    expect(reportCalls()).toHaveLength(3);
  });

  it("an entry served twice in one read (overlapping pages) is kept once", async () => {
    const one = rawEntry({ pspReference: "1" });
    const two = rawEntry({ pspReference: "2" });
    const fee = rawEntry({ pspReference: "2", entryType: "capture-fee", amount: -100, balanceBefore: 0, balanceAfter: -100 });
    const pages: Record<string, unknown> = {
      "": { cursor: "f1", tryLater: false, items: [one, two] },
      f1: { cursor: "f2", tryLater: false, items: [two, fee] },
      f2: { cursor: "f2", tryLater: true, items: [] },
    };
    const { client } = setup((call) => json(200, pages[call.url.searchParams.get("cursor") ?? ""]));
    const res = await client.readFeed("302101", "funds");
    // Same pspReference is not a duplicate by itself (a capture and its fee share it).
    expect(res.entries.map((e) => `${e.pspReference}/${e.entryType}`)).toEqual(["1/capture", "2/capture", "2/capture-fee"]);
  });
});

describe("ledger dates: entries of the date asked for only", () => {
  it("a page with an entry of another ledger date is UPSTREAM_INVALID (it would be booked on the wrong day)", async () => {
    const { client } = setup(() => json(200, { hasMore: false, tryLater: false, items: [rawEntry(), rawEntry({ ledgerDate: "2026-03-01" })] }));
    await expect(client.getLedgerDate("302101", "funds", "2026-03-02")).rejects.toMatchObject({ code: "UPSTREAM_INVALID", issues: ["items.1.ledgerDate"] });
  });
});

describe("ledger dates: 404", () => {
  const notFound = () => json(404, { type: "about:blank", title: "Not Found", status: 404, detail: "Report for this date is not available yet" });

  it("is NOT_FOUND unless the caller says a 404 can mean 'not available yet' for this date", async () => {
    const { client } = setup(notFound);
    await expect(client.getLedgerDate("302101", "funds", "2026-03-02")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("with notYetAvailableOn404 it is an open date with nothing in it yet (retried later), not NOT_FOUND", async () => {
    const { client } = setup(notFound);
    expect(await client.getLedgerDate("302101", "funds", "2026-03-02", { notYetAvailableOn404: true })).toEqual({
      ledgerId: "302101",
      topic: "funds",
      date: "2026-03-02",
      state: "open",
      entries: [],
      pages: 0,
      notAvailableYet: true,
    });
  });

  it("a 403 on a ledger path stays NOT_FOUND even then (it is never 'not yet')", async () => {
    const { client } = setup(() => json(403, {}));
    await expect(client.getLedgerDate("302101", "funds", "2026-03-02", { notYetAvailableOn404: true })).rejects.toMatchObject({ code: "NOT_FOUND", status: 403 });
  });
});
