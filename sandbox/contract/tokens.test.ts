/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in these tests are checked against the official OpenAPI schemas at run time (see test-support/openapi.ts) and asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { call, start } from "../test-support/client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.stop());

const merchantHeaders = { client_id: "demo-msn-212001", client_secret: "sandbox-secret-212001", "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const form = { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" };
const partnerAuth = basic("demo-partner-987654321", "sandbox-partner-secret-987654321");

describe("standard flow: POST /accesstoken/get (merchant keys)", () => {
  it("issues a 24 h bearer token with every value a string, as the spec says", async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await call(sb.url, "/accesstoken/get", { method: "POST", headers: merchantHeaders });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const b = res.body;
    expect(b.token_type).toBe("Bearer");
    expect(b.expires_in).toBe("86399");
    expect(Number(b.expires_on) - Number(b.not_before)).toBe(86399);
    expect(Number(b.not_before)).toBeGreaterThanOrEqual(before);
    for (const k of ["ext_expires_in", "expires_on", "not_before", "resource"]) expect(typeof b[k]).toBe("string");
    // JWT-ish and long, like upstream's.
    expect(b.access_token.split(".")).toHaveLength(3);
    expect(b.access_token.length).toBeGreaterThan(1000);
  });

  it("issues a different token on every call", async () => {
    const a = await call(sb.url, "/accesstoken/get", { method: "POST", headers: merchantHeaders });
    const b = await call(sb.url, "/accesstoken/get", { method: "POST", headers: merchantHeaders });
    expect(a.body.access_token).not.toBe(b.body.access_token);
  });

  it("rejects a wrong secret with 401", async () => {
    const res = await call(sb.url, "/accesstoken/get", { method: "POST", headers: { ...merchantHeaders, client_secret: "wrong" } });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("unauthorized_client");
  });

  it("rejects a subscription key of another sales unit with 401", async () => {
    const res = await call(sb.url, "/accesstoken/get", { method: "POST", headers: { ...merchantHeaders, "Ocp-Apim-Subscription-Key": "sandbox-sub-212002" } });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/invalid subscription key/);
  });

  it("rejects a missing subscription key with 401 and missing client headers with 400", async () => {
    const noKey = await call(sb.url, "/accesstoken/get", { method: "POST", headers: { client_id: merchantHeaders.client_id, client_secret: merchantHeaders.client_secret } });
    expect(noKey.status).toBe(401);
    expect(noKey.body.message).toMatch(/missing subscription key/);
    const noSecret = await call(sb.url, "/accesstoken/get", { method: "POST", headers: { client_id: merchantHeaders.client_id, "Ocp-Apim-Subscription-Key": merchantHeaders["Ocp-Apim-Subscription-Key"] } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error).toBe("invalid_request");
  });

  it("does not accept accounting keys (they belong to the specialized flow)", async () => {
    const res = await call(sb.url, "/accesstoken/get", {
      method: "POST",
      headers: { client_id: "demo-partner-987654321", client_secret: "sandbox-partner-secret-987654321", "Ocp-Apim-Subscription-Key": "anything" },
    });
    expect(res.status).toBe(401);
  });
});

describe("specialized flow: POST /miami/v1/token (accounting keys)", () => {
  it("issues a 15 min bearer token for Basic auth and grant_type=client_credentials", async () => {
    const res = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form }, body: "grant_type=client_credentials" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 900 });
    expect(res.body.access_token.length).toBeGreaterThan(1000);
  });

  it("keeps the token in memory with its key: it reads the partner's ledgers and nothing is shared with other keys", async () => {
    const res = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form }, body: "grant_type=client_credentials" });
    const ledgers = await call(sb.url, "/settlement/v1/ledgers", { headers: { Authorization: `Bearer ${res.body.access_token}` } });
    expect(ledgers.status).toBe(200);
    expect(ledgers.body.items.map((l: any) => l.ledgerId)).toEqual(["302101", "302201"]);
  });

  it("rejects a wrong secret and a missing Authorization header with 401 invalid_client", async () => {
    const wrong = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: basic("demo-partner-987654321", "nope"), ...form }, body: "grant_type=client_credentials" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
    const missing = await call(sb.url, "/miami/v1/token", { method: "POST", headers: form, body: "grant_type=client_credentials" });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe("invalid_client");
  });

  it("rejects credentials sent as client_id/client_secret headers (the 2023 spec's defect), as upstream does", async () => {
    const res = await call(sb.url, "/miami/v1/token", {
      method: "POST",
      headers: { client_id: "demo-partner-987654321", client_secret: "sandbox-partner-secret-987654321", ...form },
      body: "grant_type=client_credentials",
    });
    expect(res.status).toBe(401);
  });

  it("answers 400 for a missing or wrong grant type", async () => {
    const missing = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form }, body: "" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_client");
    const wrong = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form }, body: "grant_type=password" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("unsupported_grant_type");
    const json = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, "Content-Type": "application/json" }, body: '{"grant_type":"client_credentials"}' });
    expect(json.status).toBe(400);
  });

  it("rejects a subscription key on this flow with invalid_client", async () => {
    const res = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form, "Ocp-Apim-Subscription-Key": "x" }, body: "grant_type=client_credentials" });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
  });

  it("denies merchant keys and a suspended partner's keys", async () => {
    const merchant = await call(sb.url, "/miami/v1/token", { method: "POST", headers: { Authorization: basic("demo-msn-212001", "sandbox-secret-212001"), ...form }, body: "grant_type=client_credentials" });
    expect(merchant.status).toBe(401);
    const suspended = await call(sb.url, "/miami/v1/token", {
      method: "POST",
      headers: { Authorization: basic("demo-partner-965432109", "sandbox-partner-secret-965432109"), ...form },
      body: "grant_type=client_credentials",
    });
    expect(suspended.status).toBe(401);
  });
});

describe("using tokens on the Report API", () => {
  it("answers 401 with the spec's body for a missing, unknown or scheme-less token", async () => {
    const token = (await call(sb.url, "/accesstoken/get", { method: "POST", headers: merchantHeaders })).body.access_token;
    const sub = { "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" };
    for (const headers of [sub, { ...sub, Authorization: "Bearer not-a-token" }, { ...sub, Authorization: token }]) {
      const res = await call(sb.url, "/settlement/v1/ledgers", { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: "Unauthorized", message: "Please check your API keys" });
    }
  });

  it("needs the subscription key with a merchant token, as API Management does", async () => {
    const token = (await call(sb.url, "/accesstoken/get", { method: "POST", headers: merchantHeaders })).body.access_token;
    const without = await call(sb.url, "/settlement/v1/ledgers", { headers: { Authorization: `Bearer ${token}` } });
    expect(without.status).toBe(401);
    const withKey = await call(sb.url, "/settlement/v1/ledgers", { headers: { Authorization: `Bearer ${token}`, "Ocp-Apim-Subscription-Key": "sandbox-sub-212001" } });
    expect(withKey.status).toBe(200);
  });

  it("stops accepting a token once it has expired", async () => {
    const short = await start({ tokenSeconds: { partner: 1 } });
    try {
      const res = await call(short.url, "/miami/v1/token", { method: "POST", headers: { Authorization: partnerAuth, ...form }, body: "grant_type=client_credentials" });
      expect(res.body.expires_in).toBe(1);
      const headers = { Authorization: `Bearer ${res.body.access_token}` };
      expect((await call(short.url, "/settlement/v1/ledgers", { headers })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await call(short.url, "/settlement/v1/ledgers", { headers })).status).toBe(401);
    } finally {
      await short.stop();
    }
  });
});
