import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import type { RunningSandbox } from "../server";
import { admin, start, TODAY } from "../test-support/client";

// Two edges of the Report API as the sandbox imitates it: the 2023 spec's 404 "not available yet" (a switch),
// and requests whose headers are too large for Node's parser (which answered a bare 431 with no body).

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await start();
});

/** Report API headers for a sales unit's demo keys (plain fetch: these answers are not the spec's subject here). */
async function merchant(msn: string): Promise<Record<string, string>> {
  const m = sb.state.credentials().merchants.find((x) => x.msn === msn)!;
  const res = await fetch(`${sb.url}/accesstoken/get`, { method: "POST", headers: { client_id: m.clientId, client_secret: m.clientSecret, "Ocp-Apim-Subscription-Key": m.subscriptionKey } });
  const token = ((await res.json()) as { access_token: string }).access_token;
  return { Authorization: `Bearer ${token}`, "Ocp-Apim-Subscription-Key": m.subscriptionKey };
}
afterEach(async () => {
  await admin(sb.url, "POST", "/reset");
});
afterAll(() => sb.stop());

const datePath = (date: string) => `/report/v2/ledgers/302101/funds/dates/${date}`;

/** A plain GET (the 404 body here is the sandbox's own wording, which the spec does not describe). */
async function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: { tryLater?: boolean; detail?: string } }> {
  const res = await fetch(sb.url + path, { headers });
  return { status: res.status, body: (await res.json()) as { tryLater?: boolean; detail?: string } };
}

describe("404 'not available yet' (the 2023 spec), behind a switch", () => {
  it("is off by default: yesterday is closed, today open", async () => {
    const m = await merchant("212001");
    expect((await get(datePath(addDays(TODAY, -1)), m)).body.tryLater).toBe(false);
    expect((await get(datePath(TODAY), m)).body.tryLater).toBe(true);
  });

  it("when on, yesterday and today answer 404; older dates are served as before", async () => {
    expect((await admin(sb.url, "PUT", "/not-yet-available", { enabled: true })).body).toEqual({ enabled: true });
    const m = await merchant("212001");
    for (const date of [addDays(TODAY, -1), TODAY]) {
      const res = await get(datePath(date), m);
      expect(res.status, date).toBe(404);
      expect(res.body.detail).toBe("Report for this date is not available yet");
    }
    expect((await get(datePath(addDays(TODAY, -2)), m)).status).toBe(200);
  });

  it("keys that may not read the ledger still get the plain 'No such ledgerId'", async () => {
    await admin(sb.url, "PUT", "/not-yet-available", { enabled: true });
    const other = await merchant("223001");
    const res = await get(datePath(TODAY), other);
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe("No such ledgerId");
  });

  it("refuses a body that is not { enabled: boolean }", async () => {
    expect((await admin(sb.url, "PUT", "/not-yet-available", { enabled: "yes" })).status).toBe(400);
  });
});

/** A raw request (fetch refuses some oversized headers itself), returning status, content type and body. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("requests over Node's 16 KB header limit", () => {
  it("get a 400 JSON error in the sandbox's validation shape, not a bare 431", async () => {
    const res = await rawGet(`${sb.url}${datePath(addDays(TODAY, -1))}`, { Authorization: "Bearer x", "X-Padding": "a".repeat(20_000) });
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/json");
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body).toMatchObject({ errorCode: 10002, errorMessage: expect.stringMatching(/headers/) });
    expect(typeof body.contextId).toBe("string");
  });

  it("a URL over the limit too", async () => {
    const res = await rawGet(`${sb.url}${datePath(addDays(TODAY, -1))}?cursor=${"A".repeat(20_000)}`, {});
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ errorCode: 10002 });
  });

  it("the server keeps serving afterwards", async () => {
    await rawGet(`${sb.url}/sandbox/health`, { "X-Padding": "a".repeat(20_000) });
    expect((await fetch(`${sb.url}/sandbox/health`)).status).toBe(200);
  });
});

describe("the bad-entry fault", () => {
  it("gives the last entry of a page a time that is not a date-time, dates and feed alike", async () => {
    const m = await merchant("212001");
    const date = (await (await fetch(`${sb.url}${datePath(addDays(TODAY, -1))}?sandboxFault=bad-entry`, { headers: m })).json()) as { items: { time: string }[] };
    expect(date.items.at(-1)?.time).toBe("not-a-time");
    expect(date.items.slice(0, -1).every((e) => !Number.isNaN(Date.parse(e.time)))).toBe(true);
    const feed = (await (await fetch(`${sb.url}/report/v2/ledgers/302101/funds/feed?sandboxFault=bad-entry`, { headers: m })).json()) as { items: { time: string }[] };
    expect(feed.items.at(-1)?.time).toBe("not-a-time");
  });
});
