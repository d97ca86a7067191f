import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import type { RunningSandbox } from "../server";
import { admin, call, keys, readDate, start, TODAY, type Keys } from "../test-support/client";
import { assertMatchesSpec } from "../test-support/openapi";

const PAGE = 20;
const YESTERDAY = addDays(TODAY, -1);
const DATE_PATH = `/report/v2/ledgers/302101/funds/dates/${YESTERDAY}`;

let sb: RunningSandbox;
let k: Keys;
let m: Record<string, string>;
beforeAll(async () => {
  sb = await start({ pageSize: PAGE });
  k = keys(sb.url);
  m = await k.merchant("212001");
});
afterEach(async () => {
  await admin(sb.url, "DELETE", "/faults");
});
afterAll(() => sb.stop());

describe("faults from the query parameter", () => {
  it("429 carries Retry-After", async () => {
    const res = await call(sb.url, `${DATE_PATH}?sandboxFault=429`, { headers: m });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    const custom = await call(sb.url, `${DATE_PATH}?sandboxFault=429:7`, { headers: m });
    expect(custom.headers.get("retry-after")).toBe("7");
    expect(custom.body.message).toMatch(/7 seconds/);
  });

  it("500 has the spec's error body", async () => {
    const res = await call(sb.url, `${DATE_PATH}?sandboxFault=500`, { headers: m });
    expect(res.status).toBe(500);
    assertMatchesSpec("serverError", res.body);
    expect(Object.keys(res.body).sort()).toEqual(["contextId", "errorCode", "errorMessage"]);
  });

  it("drop destroys the connection without a response", async () => {
    await expect(fetch(`${sb.url}${DATE_PATH}?sandboxFault=drop`, { headers: m })).rejects.toThrow();
    // The server is fine afterwards.
    expect((await call(sb.url, DATE_PATH, { headers: m })).status).toBe(200);
  });

  it("truncate-body cuts the JSON in the middle", async () => {
    // The status line and headers arrive; the body stops short of its Content-Length.
    const res = await fetch(`${sb.url}${DATE_PATH}?sandboxFault=truncate-body`, { headers: m });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(100);
    await expect(res.text()).rejects.toThrow();
  });

  it("truncate-page serves fewer items but a cursor that still continues correctly", async () => {
    const normal = await readDate(sb.url, m, "302101", "funds", YESTERDAY);
    const first = await call(sb.url, `${DATE_PATH}?sandboxFault=truncate-page`, { headers: m });
    expect(first.body.items.length).toBe(PAGE / 2);
    expect(first.body.hasMore).toBe(true);
    const rest = await readDate(sb.url, m, "302101", "funds", YESTERDAY, `cursor=${encodeURIComponent(first.body.cursor)}`);
    expect([...first.body.items, ...rest.items]).toEqual(normal.items);
  });

  it("latency holds the answer: a request sent after it is answered first, and the held one still succeeds", async () => {
    await admin(sb.url, "POST", "/stats/reset");
    const order: string[] = [];
    const held = call(sb.url, `${DATE_PATH}?sandboxFault=latency:3000`, { headers: m }).then((res) => (order.push("held"), res));
    const plain = call(sb.url, DATE_PATH, { headers: m }).then((res) => (order.push("plain"), res));
    const [heldRes, plainRes] = await Promise.all([held, plain]);
    expect(order).toEqual(["plain", "held"]);
    expect([heldRes.status, plainRes.status]).toEqual([200, 200]);
    expect(heldRes.body).toEqual(plainRes.body);
    expect((await call(sb.url, "/sandbox/stats")).body.faults).toEqual({ latency: 1 });
  });

  it("expire-token on a read: 401 now and for every later use of that token; a new token works", async () => {
    const own = await k.merchant("212001");
    expect((await call(sb.url, `${DATE_PATH}?sandboxFault=expire-token`, { headers: own })).status).toBe(401);
    expect((await call(sb.url, DATE_PATH, { headers: own })).status).toBe(401);
    expect((await call(sb.url, DATE_PATH, { headers: await k.merchant("212001") })).status).toBe(200);
  });

  it("expire-token on the token endpoint issues a token that is dead on arrival", async () => {
    const res = await call(sb.url, "/accesstoken/get?sandboxFault=expire-token", {
      method: "POST",
      headers: { client_id: "demo-msn-212001", client_secret: "sandbox-secret-212001", "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" },
    });
    expect(res.status).toBe(200);
    expect(res.body.expires_in).toBe("86399"); // advertised as usual
    const read = await call(sb.url, DATE_PATH, { headers: { Authorization: `Bearer ${res.body.access_token}`, "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" } });
    expect(read.status).toBe(401);
  });

  it("rejects an unknown fault name with 400", async () => {
    const res = await call(sb.url, `${DATE_PATH}?sandboxFault=teapot`, { headers: m });
    expect(res.status).toBe(400);
    expect(res.body.errorMessage).toContain("sandboxFault");
  });
});

describe("faults from PUT /sandbox/admin/faults", () => {
  it("'next N requests' fires exactly N times, only on its route kind", async () => {
    const put = await admin(sb.url, "PUT", "/faults", { rules: [{ kind: "429", count: 2, routes: "report", retryAfterSeconds: 3 }] });
    expect(put.status).toBe(200);
    // Token requests are not "report" routes.
    const token = await k.merchant("212001");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(sb.url, DATE_PATH, { headers: token })).status);
    expect(statuses).toEqual([429, 429, 200]);
    const rules = (await admin(sb.url, "GET", "/faults")).body.rules;
    expect(rules[0]).toMatchObject({ kind: "429", remaining: 0, fired: 2 });
  });

  it("probability 1 on token routes fails every token request and leaves reads alone", async () => {
    await admin(sb.url, "PUT", "/faults", [{ kind: "500", probability: 1, routes: "token" }]);
    await expect(k.merchant("212001")).rejects.toThrow(/500/);
    expect((await call(sb.url, DATE_PATH, { headers: m })).status).toBe(200);
  });

  it("probability 0.5 fails about half of the requests", async () => {
    await admin(sb.url, "PUT", "/faults", { rules: [{ kind: "500", probability: 0.5 }] });
    let failed = 0;
    for (let i = 0; i < 60; i++) if ((await call(sb.url, "/settlement/v1/ledgers", { headers: m })).status === 500) failed++;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
  });

  it("drop and truncate-page rules work on the next request", async () => {
    await admin(sb.url, "PUT", "/faults", { rules: [{ kind: "drop", count: 1 }] });
    await expect(fetch(`${sb.url}${DATE_PATH}`, { headers: m })).rejects.toThrow();
    expect((await call(sb.url, DATE_PATH, { headers: m })).status).toBe(200);
  });

  it("rejects a rule without probability or count", async () => {
    const res = await admin(sb.url, "PUT", "/faults", { rules: [{ kind: "429" }] });
    expect(res.status).toBe(400);
  });

  it("counts injected faults in /sandbox/stats", async () => {
    await admin(sb.url, "POST", "/stats/reset");
    await call(sb.url, `${DATE_PATH}?sandboxFault=429`, { headers: m });
    await call(sb.url, `${DATE_PATH}?sandboxFault=500`, { headers: m });
    const s = (await call(sb.url, "/sandbox/stats")).body;
    expect(s.faults).toEqual({ "429": 1, "500": 1 });
    expect(s.byStatus).toMatchObject({ "429": 1, "500": 1 });
  });
});

describe("faults from the start options (SANDBOX_FAULTS)", () => {
  it("applies the configured rules from the first request", async () => {
    const faulty = await start({ faults: [{ kind: "429", count: 1, routes: "all" }] });
    try {
      const res = await call(faulty.url, "/accesstoken/get", {
        method: "POST",
        headers: { client_id: "demo-msn-212001", client_secret: "sandbox-secret-212001", "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" },
      });
      expect(res.status).toBe(429);
    } finally {
      await faulty.stop();
    }
  });
});
