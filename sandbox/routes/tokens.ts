/**
 * Both token endpoints, with upstream's header and body shapes:
 * - standard flow `POST /accesstoken/get`: headers client_id, client_secret, Ocp-Apim-Subscription-Key;
 *   merchant (sales-unit) keys only; 24 h; every value in the response is a string;
 * - specialized flow `POST /miami/v1/token`: HTTP Basic + form body grant_type=client_credentials;
 *   accounting-partner keys only; 15 min; expires_in is a number.
 */

import type { Context, Hono } from "hono";
import { MERCHANTS, PARTNERS } from "../../lib/demo-world/world";
import type { SandboxState } from "../state";
import type { AppEnv } from "./types";

const JSON_UTF8 = { "Content-Type": "application/json;charset=UTF-8" };

function oauthError(c: Context<AppEnv>, status: 400 | 401, error: string, description: string): Response {
  if (status === 401) c.header("WWW-Authenticate", 'Basic realm="sandbox"');
  return c.json({ error, error_description: description }, status);
}

/** Basic credentials from an Authorization header, or undefined. */
export function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

export function findSalesUnitByClientId(clientId: string) {
  for (const m of MERCHANTS) for (const u of m.salesUnits) if (u.keys?.clientId === clientId) return u;
  return undefined;
}

export function registerTokenRoutes(app: Hono<AppEnv>, state: SandboxState): void {
  app.post("/accesstoken/get", (c) => {
    const clientId = c.req.header("client_id");
    const clientSecret = c.req.header("client_secret");
    const subscriptionKey = c.req.header("Ocp-Apim-Subscription-Key");
    // API Management checks the subscription key before the request reaches the token service.
    if (!subscriptionKey) {
      return c.json({ statusCode: 401, message: "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }, 401);
    }
    if (!clientId || !clientSecret) return oauthError(c, 400, "invalid_request", "The client_id and client_secret headers are required.");
    const unit = findSalesUnitByClientId(clientId);
    if (!unit?.keys || unit.keys.clientSecret !== clientSecret) return oauthError(c, 401, "unauthorized_client", "The client_id or client_secret is wrong.");
    if (unit.keys.subscriptionKey !== subscriptionKey) {
      return c.json({ statusCode: 401, message: "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription." }, 401);
    }
    const seconds = state.tokenSeconds("merchant");
    const issued = state.tokens.issue({ kind: "merchant", clientId, msn: unit.msn, subscriptionKey }, seconds);
    if (c.get("expireIssuedToken")) state.tokens.expire(issued.token);
    const now = Math.floor(issued.issuedAtMs / 1000);
    return c.json(
      {
        token_type: "Bearer",
        expires_in: String(seconds),
        ext_expires_in: String(seconds),
        expires_on: String(now + seconds),
        not_before: String(now),
        resource: "00000002-0000-0000-c000-000000000000",
        access_token: issued.token,
      },
      200,
      JSON_UTF8,
    );
  });

  app.post("/miami/v1/token", async (c) => {
    // Upstream answers invalid_client when a subscription key is sent to the specialized flow.
    if (c.req.header("Ocp-Apim-Subscription-Key") !== undefined) {
      return oauthError(c, 401, "invalid_client", "Ocp-Apim-Subscription-Key must not be sent to this endpoint.");
    }
    const creds = basicCredentials(c.req.header("Authorization"));
    if (!creds) return oauthError(c, 401, "invalid_client", "HTTP Basic authentication with client_id and client_secret is required.");
    const partner = PARTNERS.find((p) => p.keys?.clientId === creds.clientId);
    if (!partner?.keys || partner.keys.clientSecret !== creds.clientSecret) return oauthError(c, 401, "invalid_client", "The client_id or client_secret is wrong.");
    if (state.partnerStatus.get(partner.orgNo) !== "approved") return oauthError(c, 401, "invalid_client", "The client is not active.");

    const contentType = c.req.header("Content-Type") ?? "";
    const form = contentType.toLowerCase().startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(await c.req.text()) : new URLSearchParams();
    const grantType = form.get("grant_type");
    // Documented upstream: leaving out grant_type gives invalid_client (we answer it with 400, it is bad input).
    if (!grantType) return oauthError(c, 400, "invalid_client", "grant_type=client_credentials is required in an application/x-www-form-urlencoded body.");
    if (grantType !== "client_credentials") return oauthError(c, 400, "unsupported_grant_type", `grant_type ${grantType} is not supported; use client_credentials.`);

    const seconds = state.tokenSeconds("partner");
    const issued = state.tokens.issue({ kind: "partner", clientId: creds.clientId, partnerOrgNo: partner.orgNo }, seconds);
    if (c.get("expireIssuedToken")) state.tokens.expire(issued.token);
    return c.json({ access_token: issued.token, token_type: "Bearer", expires_in: seconds }, 200, JSON_UTF8);
  });
}
