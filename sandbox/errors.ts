/**
 * Error bodies, in the shapes upstream uses:
 * - 401 on the Report API: the spec's `{ code, message }`;
 * - 400 (input validation): the documented error-code body, errorCode 10002, with the bad field named;
 * - 404: RFC 7807 problem+json (the spec's default response), saying nothing about whether the ledger exists;
 * - 500: the spec's `{ errorCode, errorMessage, contextId }`;
 * - 429: Azure API Management's throttling body with Retry-After.
 */

import { randomUUID } from "node:crypto";
import type { Context } from "hono";

export const UNAUTHORIZED_BODY = { code: "Unauthorized", message: "Please check your API keys" } as const;

export function unauthorized(c: Context): Response {
  c.header("WWW-Authenticate", 'Bearer error="invalid_token"');
  return c.json(UNAUTHORIZED_BODY, 401);
}

export function badRequest(c: Context, field: string, problem: string): Response {
  return c.json({ errorCode: 10002, errorMessage: `Invalid ${field}: ${problem}`, contextId: randomUUID() }, 400);
}

export function notFound(c: Context, detail = "No such resource"): Response {
  const body = { type: "about:blank", title: "Not Found", status: 404, detail, instance: c.req.path };
  return c.body(JSON.stringify(body), 404, { "Content-Type": "application/problem+json" });
}

export function serverError(c: Context): Response {
  return c.json({ errorCode: 10001, errorMessage: "An unexpected error occurred. Please try again later.", contextId: randomUUID() }, 500);
}

export function tooManyRequests(c: Context, retryAfterSeconds: number): Response {
  c.header("Retry-After", String(retryAfterSeconds));
  return c.json({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` }, 429);
}
