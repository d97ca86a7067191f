/**
 * Sandbox-only endpoints. `/sandbox/admin/*` needs the header x-sandbox-admin-secret: the portal pushes grant
 * changes here (standing in for the merchant's consent in Vipps' business portal), tests flip switches.
 * `/sandbox/credentials`, `/sandbox/stats` and `/sandbox/health` are open: demo keys are not secrets.
 */

import { timingSafeEqual } from "node:crypto";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { badRequest, notFound } from "../errors";
import { faultConfigInputSchema } from "../faults";
import { UnknownIdError, type SandboxState } from "../state";
import type { AppEnv } from "./types";

const grantsBody = z.object({ ledgers: z.array(z.object({ ledgerId: z.string().min(1), includesPersonalData: z.boolean() }).strict()).max(1000) }).strict();
const driftBody = z
  .object({ partnerOrgNo: z.string().min(1), extraLedgerIds: z.array(z.string().min(1)).max(1000).default([]), missingLedgerIds: z.array(z.string().min(1)).max(1000).default([]) })
  .strict();
const volumeBody = z.object({ ledgers: z.record(z.string(), z.number().int().min(0).max(10_000_000)) }).strict();
const statusBody = z.object({ status: z.enum(["approved", "pending", "suspended"]) }).strict();
const expireBody = z.object({ clientId: z.string().min(1).optional() }).strict();
const notYetBody = z.object({ enabled: z.boolean() }).strict();

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Parses a JSON body against a schema; the error names the first bad field. */
async function readBody<T>(c: Context<AppEnv>, schema: z.ZodType<T>, allowEmpty = false): Promise<T | Response> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.trim() === "" && allowEmpty ? {} : JSON.parse(text);
  } catch {
    return badRequest(c, "body", "not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "body";
  return badRequest(c, field, issue?.message ?? "invalid");
}

function unknownId(c: Context<AppEnv>, err: unknown): Response {
  if (err instanceof UnknownIdError) return err.field === "partnerOrgNo" ? notFound(c, err.message) : badRequest(c, err.field, `unknown id '${err.value}'`);
  throw err;
}

export function registerAdminRoutes(app: Hono<AppEnv>, state: SandboxState, adminSecret: string): void {
  app.use("/sandbox/admin/*", async (c, next) => {
    if (!sameSecret(c.req.header("x-sandbox-admin-secret"), adminSecret)) {
      return c.json({ code: "Unauthorized", message: "Missing or wrong x-sandbox-admin-secret header" }, 401);
    }
    await next();
  });

  app.get("/sandbox/admin/grants", (c) => c.json({ partners: state.grantsView() }));

  app.put("/sandbox/admin/grants/:partnerOrgNo", async (c) => {
    const body = await readBody(c, grantsBody);
    if (body instanceof Response) return body;
    const partnerOrgNo = c.req.param("partnerOrgNo");
    if (!/^[A-Za-z0-9-]{1,40}$/.test(partnerOrgNo)) return badRequest(c, "partnerOrgNo", `'${partnerOrgNo}' is not an organisation number`);
    try {
      return c.json({ partnerOrgNo, ledgers: state.setGrants(partnerOrgNo, body.ledgers) });
    } catch (err) {
      return unknownId(c, err);
    }
  });

  app.get("/sandbox/admin/drift", (c) => c.json({ drift: [...state.drift].map(([partnerOrgNo, d]) => ({ partnerOrgNo, ...d })) }));
  app.put("/sandbox/admin/drift", async (c) => {
    const body = await readBody(c, driftBody);
    if (body instanceof Response) return body;
    try {
      return c.json({ partnerOrgNo: body.partnerOrgNo, ...state.setDrift(body.partnerOrgNo, body) });
    } catch (err) {
      return unknownId(c, err);
    }
  });

  app.get("/sandbox/admin/faults", (c) => c.json({ rules: state.faults.list() }));
  app.put("/sandbox/admin/faults", async (c) => {
    const body = await readBody(c, faultConfigInputSchema);
    if (body instanceof Response) return body;
    return c.json({ rules: state.faults.set(body) });
  });
  app.delete("/sandbox/admin/faults", (c) => {
    state.faults.clear();
    return c.json({ rules: [] });
  });

  app.get("/sandbox/admin/volume", (c) => c.json({ ledgers: Object.fromEntries(state.volume) }));
  app.put("/sandbox/admin/volume", async (c) => {
    const body = await readBody(c, volumeBody);
    if (body instanceof Response) return body;
    try {
      return c.json({ ledgers: state.setVolume(body.ledgers) });
    } catch (err) {
      return unknownId(c, err);
    }
  });

  app.put("/sandbox/admin/partners/:partnerOrgNo/status", async (c) => {
    const body = await readBody(c, statusBody);
    if (body instanceof Response) return body;
    const partnerOrgNo = c.req.param("partnerOrgNo");
    try {
      state.setPartnerStatus(partnerOrgNo, body.status);
      return c.json({ partnerOrgNo, status: body.status });
    } catch (err) {
      return unknownId(c, err);
    }
  });

  app.post("/sandbox/admin/tokens/expire", async (c) => {
    const body = await readBody(c, expireBody, true);
    if (body instanceof Response) return body;
    return c.json({ expired: state.tokens.expireAll(body.clientId) });
  });

  // The 2023 spec answers 404 "report for this date is not available yet" where today's API says tryLater.
  app.get("/sandbox/admin/not-yet-available", (c) => c.json({ enabled: state.notYetAvailable404 }));
  app.put("/sandbox/admin/not-yet-available", async (c) => {
    const body = await readBody(c, notYetBody);
    if (body instanceof Response) return body;
    state.notYetAvailable404 = body.enabled;
    return c.json({ enabled: state.notYetAvailable404 });
  });

  app.post("/sandbox/admin/stats/reset", (c) => {
    state.stats.reset();
    return c.json({ ok: true });
  });

  app.post("/sandbox/admin/reset", (c) => {
    state.reset();
    return c.json({ ok: true });
  });
}

export function registerInfoRoutes(app: Hono<AppEnv>, state: SandboxState): void {
  app.get("/sandbox/credentials", (c) => c.json(state.credentials()));
  app.get("/sandbox/stats", (c) => c.json(state.stats.snapshot()));
  app.get("/sandbox/health", (c) => c.json({ ok: true, today: state.today(), seed: state.options.seed }));
  app.get("/", (c) =>
    c.json({
      name: "Vipps MobilePay Report API sandbox",
      credentials: "/sandbox/credentials",
      endpoints: ["POST /accesstoken/get", "POST /miami/v1/token", "GET /settlement/v1/ledgers", "GET /report/v2/ledgers/{ledgerId}/{funds|fees}/dates/{YYYY-MM-DD}", "GET /report/v2/ledgers/{ledgerId}/{funds|fees}/feed"],
    }),
  );
}
