/**
 * The Report API sandbox: a standalone HTTP server (hono on node:http) that imitates the Report API and both
 * token endpoints. `startSandbox` is used by `sandbox/main.ts` and in-process by tests (port 0).
 */

import { serve } from "@hono/node-server";
// Tells the adapter that the response was dealt with on the socket (the "drop" fault).
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Hono, type Context } from "hono";
import { badRequest, notFound, serverError, tooManyRequests, unauthorized } from "./errors";
import { parseFaultParam, type FaultConfigInput, type RouteKind } from "./faults";
import { MAX_PAGE_SIZE } from "./paging";
import { registerAdminRoutes, registerInfoRoutes } from "./routes/admin";
import { bearerToken, registerReportRoutes } from "./routes/report";
import { basicCredentials, registerTokenRoutes } from "./routes/tokens";
import type { AppEnv } from "./routes/types";
import { DEFAULT_SEED, DEFAULT_TOKEN_SECONDS, SandboxState } from "./state";
import type { RequestFacts, StatsKind } from "./stats";

export interface SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (a demo server, not for the network). "::" or "0.0.0.0" for all. */
  host?: string;
  /** Fixed "today" (YYYY-MM-DD) for every ledger, for deterministic runs; default the current date in each ledger's zone. */
  today?: string;
  /** The clock "today" is read from (ms since the epoch); default Date.now. For tests at an hour the zones disagree. */
  now?: () => number;
  /** Seed of the demo data. */
  seed?: string;
  /** Value of the x-sandbox-admin-secret header. Default "sandbox-admin-demo". */
  adminSecret?: string;
  /** Initial fault rules (same shape as PUT /sandbox/admin/faults). */
  faults?: FaultConfigInput;
  /** Initial volume: ledger id → about how many captures over the served window, e.g. { "302102": 100000 }. */
  volume?: Record<string, number>;
  /** Closed ledger dates served before today. Default 365. */
  closedDays?: number;
  /** Entries per page on dates and feed, at most 1000 (upstream's maximum). Default 1000. */
  pageSize?: number;
  /** Ledgers per page on GET /settlement/v1/ledgers. Default 100. */
  ledgerPageSize?: number;
  /** Answer 404 "not available yet" for yesterday and today (the 2023 spec's semantics). Default off. */
  notYetAvailable404?: boolean;
  /** Token lifetimes in seconds. Default upstream's: merchant 86399 (24 h), partner 900 (15 min). */
  tokenSeconds?: { merchant?: number; partner?: number };
}

export interface RunningSandbox {
  /** Base URL, e.g. http://localhost:4010 (no trailing slash). */
  url: string;
  port: number;
  stop(): Promise<void>;
  state: SandboxState;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_ADMIN_SECRET = "sandbox-admin-demo";

const REPORT_ROUTES: [RegExp, StatsKind][] = [
  [/^\/accesstoken\/get$|^\/miami\/v1\/token$/, "token"],
  [/^\/settlement\/v1\/ledgers$/, "ledgers"],
  [/^\/report\/v2\/ledgers\/[^/]+\/[^/]+\/dates\/[^/]+$/, "dates"],
  [/^\/report\/v2\/ledgers\/[^/]+\/[^/]+\/feed$/, "feed"],
  [/^\/sandbox\/credentials$/, "credentials"],
  [/^\/sandbox\/stats$/, "stats"],
  [/^\/sandbox\/health$/, "health"],
  [/^\/sandbox\/admin\//, "admin"],
];

/** What a request is, for statistics and fault matching, before any handler runs. */
function classify(c: Context<AppEnv>, state: SandboxState): RequestFacts {
  const path = c.req.path;
  const kind = REPORT_ROUTES.find(([re]) => re.test(path))?.[1] ?? "unknown";
  const facts: RequestFacts = { kind };
  if (kind === "dates" || kind === "feed") {
    const [, , , , ledgerId, topic, , date] = path.split("/");
    Object.assign(facts, { ledgerId, topic, date: kind === "dates" ? date : undefined, firstPage: !c.req.query("cursor") });
  }
  if (kind === "token") {
    facts.clientId = path === "/accesstoken/get" ? c.req.header("client_id") : basicCredentials(c.req.header("Authorization"))?.clientId;
  } else {
    const token = bearerToken(c.req.header("Authorization"));
    if (token) facts.clientId = state.tokens.peek(token)?.subject.clientId;
  }
  return facts;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Makes the response end mid-JSON: the status line and headers (with the full Content-Length) go out, then half
 * the body, then the connection is cut. Done at the socket's end() so the adapter writes the response as usual.
 */
function truncateBodyOf(c: Context<AppEnv>): void {
  const out = c.env.outgoing;
  const end = out.end.bind(out);
  out.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) return end(chunk as never, ...(rest as []));
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    out.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => out.socket?.destroy());
    return out;
  }) as typeof out.end;
}

/**
 * Requests Node's parser refuses before any handler runs: headers (or a URL) over Node's 16 KB limit, or a
 * malformed request line. Without this Node answers a bare `431`/`400` with an empty body; a client then has
 * nothing to log. Answer a 400 in the sandbox's validation-error shape (errorCode 10002, field named) instead.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket, state: SandboxState): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW" || err.code === "HPE_URI_OVERFLOW";
  const errorMessage = tooLarge ? "Invalid headers: the request line and headers are larger than 16 KB" : "Invalid request: not a well-formed HTTP request";
  const body = JSON.stringify({ errorCode: 10002, errorMessage, contextId: randomUUID() });
  state.stats.outcome(400);
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function createApp(state: SandboxState, adminSecret: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const facts = classify(c, state);
    state.stats.record(facts);
    const route: RouteKind | undefined = facts.kind === "token" || facts.kind === "ledgers" || facts.kind === "dates" || facts.kind === "feed" ? facts.kind : undefined;
    if (!route) {
      await next();
      state.stats.outcome(c.res.status);
      return;
    }

    const param = c.req.query("sandboxFault");
    const fromQuery = param === undefined ? [] : parseFaultParam(param);
    if (!fromQuery) {
      state.stats.outcome(400);
      return badRequest(c, "sandboxFault", `'${param}' is not one of latency[:ms], 429[:retryAfterSeconds], 500, drop, truncate-page, truncate-body, expire-token, bad-entry`);
    }
    const token = bearerToken(c.req.header("Authorization"));
    const decision = state.faults.decide(route, token !== undefined, fromQuery);
    if (decision.latencyMs > 0) {
      state.stats.fault("latency");
      await sleep(decision.latencyMs);
    }
    if (decision.action) state.stats.fault(decision.action);
    switch (decision.action) {
      case "429":
        state.stats.outcome(429);
        return tooManyRequests(c, decision.retryAfterSeconds);
      case "500":
        state.stats.outcome(500);
        return serverError(c);
      case "drop":
        state.stats.outcome("dropped");
        c.env.incoming.socket.destroy();
        return RESPONSE_ALREADY_SENT;
      case "expire-token":
        if (route === "token") {
          c.set("expireIssuedToken", true);
          break;
        }
        // The token dies now, before its advertised expiry: this request and every later one with it get 401.
        if (token) state.tokens.expire(token);
        state.stats.outcome(401);
        return unauthorized(c);
      case "truncate-page":
        c.set("truncatePage", true);
        break;
      case "bad-entry":
        c.set("badEntry", true);
        break;
      case "truncate-body":
        truncateBodyOf(c);
        break;
      default:
        break;
    }
    await next();
    state.stats.outcome(decision.action === "truncate-body" ? "truncated-body" : c.res.status);
  });

  registerTokenRoutes(app, state);
  registerReportRoutes(app, state);
  registerAdminRoutes(app, state, adminSecret);
  registerInfoRoutes(app, state);

  app.notFound((c) => notFound(c, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    console.error("sandbox: unexpected error", err);
    return serverError(c);
  });
  return app;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new Error(`pageSize must be 1–${MAX_PAGE_SIZE}`);
  const state = new SandboxState({
    seed: options.seed ?? DEFAULT_SEED,
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    closedDays: options.closedDays ?? 365,
    pageSize,
    ledgerPageSize: options.ledgerPageSize ?? 100,
    tokenSeconds: { ...DEFAULT_TOKEN_SECONDS, ...options.tokenSeconds },
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
    ...(options.volume !== undefined ? { volume: options.volume } : {}),
    ...(options.notYetAvailable404 !== undefined ? { notYetAvailable404: options.notYetAvailable404 } : {}),
  });
  const app = createApp(state, options.adminSecret ?? DEFAULT_ADMIN_SECRET);

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: options.host ?? DEFAULT_HOST }, () => resolve(s as Server)) as Server;
    s.once("error", reject);
    s.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, state));
  });
  const port = (server.address() as AddressInfo).port;
  const listen = options.host ?? DEFAULT_HOST;
  const host = ["0.0.0.0", "::", "127.0.0.1"].includes(listen) ? "localhost" : listen.includes(":") ? `[${listen}]` : listen;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive connections (fetch keeps them) would hold close() open forever.
      server.closeAllConnections();
    });
    return stopping;
  };
  return { url: `http://${host}:${port}`, port, stop, state };
}
