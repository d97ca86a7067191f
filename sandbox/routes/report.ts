/**
 * The Report API: ledgers, one ledger date, and the continuous feed.
 * Order of checks, as an API gateway would: token (401), then input (400), then scope (404).
 */

import type { Context, Hono } from "hono";
import { findLedger } from "../../lib/demo-world/world";
import { addDays, isValidDate } from "../calendar";
import { badRequest, notFound, unauthorized } from "../errors";
import type { Entry, Topic } from "../generate";
import { datePage, decodeDateCursor, decodeFeedCursor, decodeLedgersCursor, encodeCursor, feedPage, type FeedPosition } from "../paging";
import type { SandboxState } from "../state";
import type { TokenSubject } from "../tokens";
import type { AppEnv } from "./types";

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1];
}

/** The token's subject, or a 401 response. Merchant tokens also need their subscription key, as upstream. */
function authenticate(c: Context<AppEnv>, state: SandboxState): TokenSubject | Response {
  const token = bearerToken(c.req.header("Authorization"));
  const issued = token ? state.tokens.verify(token) : undefined;
  if (!issued) return unauthorized(c);
  const subject = issued.subject;
  if (subject.kind === "merchant" && c.req.header("Ocp-Apim-Subscription-Key") !== subject.subscriptionKey) return unauthorized(c);
  if (subject.kind === "partner" && state.partnerStatus.get(subject.partnerOrgNo) !== "approved") return unauthorized(c);
  c.set("subject", subject);
  return subject;
}

function ledgerObject(ledgerId: string) {
  const found = findLedger(ledgerId);
  if (!found) return undefined;
  const { merchant, ledger } = found;
  const units = ledger.salesUnitMsns.flatMap((msn) => merchant.salesUnits.filter((u) => u.msn === msn));
  return {
    ledgerId: ledger.ledgerId,
    currency: ledger.currency,
    payoutBankAccount: { ...ledger.payoutBankAccount },
    owner: { scheme: merchant.ownerScheme, id: merchant.orgNo },
    settlesForRecipientHandles: units.map((u) => u.recipientHandle),
    salesUnits: units.map((u) => ({ name: u.name, recipientHandle: u.recipientHandle, businessIdentifier: { scheme: merchant.ownerScheme, id: merchant.orgNo } })),
  };
}

/** The "bad-entry" fault: the last entry of the page gets a `time` no parser can read (a broken upstream row). */
function withBadEntry(c: Context<AppEnv>, items: Record<string, unknown>[]): Record<string, unknown>[] {
  if (c.get("badEntry") !== true || items.length === 0) return items;
  return [...items.slice(0, -1), { ...items[items.length - 1], time: "not-a-time" }];
}

/** Personal data goes out only on entries that carry it (VM-number payments), when asked for and allowed. */
function toWire(entry: Entry, withPersonal: boolean): Record<string, unknown> {
  const { personal, ...rest } = entry;
  return withPersonal && personal ? { ...rest, name: personal.name, maskedPhoneNo: personal.maskedPhoneNo, message: personal.message } : rest;
}

/** `includeGDPRSensitiveData`: "true" or "false" (any case); anything else is a 400. */
function gdprFlag(c: Context<AppEnv>): boolean | Response {
  const raw = c.req.query("includeGDPRSensitiveData");
  if (raw === undefined) return false;
  const v = raw.toLowerCase();
  if (v !== "true" && v !== "false") return badRequest(c, "includeGDPRSensitiveData", `expected true or false, got '${raw}'`);
  return v === "true";
}

function parseTopic(c: Context<AppEnv>, raw: string): Topic | Response {
  return raw === "funds" || raw === "fees" ? raw : badRequest(c, "topic", `expected funds or fees, got '${raw}'`);
}

export function registerReportRoutes(app: Hono<AppEnv>, state: SandboxState): void {
  // Removed upstream in May 2024.
  app.get("/report/v1/ledgertransactions", (c) =>
    c.body(JSON.stringify({ type: "about:blank", title: "Gone", status: 410, detail: "/report/v1 was removed; use /report/v2", instance: c.req.path }), 410, { "Content-Type": "application/problem+json" }),
  );

  app.get("/settlement/v1/ledgers", (c) => {
    const subject = authenticate(c, state);
    if (subject instanceof Response) return subject;
    const rawCursor = c.req.query("cursor");
    let filter = c.req.query("settlesForRecipientHandles") || null;
    let after = "";
    if (rawCursor) {
      const cursor = decodeLedgersCursor(rawCursor);
      if (!cursor) return badRequest(c, "cursor", "not a cursor returned by this endpoint");
      // "If this is used, no other parameters are needed": the cursor carries the filter.
      filter = cursor.settlesForRecipientHandles;
      after = cursor.afterLedgerId;
    }
    const ids = [...state.readable(subject).keys()].sort();
    const ledgers = ids
      .map(ledgerObject)
      .filter((l): l is NonNullable<typeof l> => l !== undefined)
      .filter((l) => filter === null || l.settlesForRecipientHandles.includes(filter))
      .filter((l) => l.ledgerId > after);
    const page = ledgers.slice(0, state.options.ledgerPageSize);
    const last = page[page.length - 1];
    const cursor = ledgers.length > page.length && last ? encodeCursor({ afterLedgerId: last.ledgerId, settlesForRecipientHandles: filter }) : "";
    return c.json({ cursor, items: page });
  });

  app.get("/report/v2/ledgers/:ledgerId/:topic/dates/:ledgerDate", (c) => {
    const subject = authenticate(c, state);
    if (subject instanceof Response) return subject;
    const { ledgerId, ledgerDate } = c.req.param();
    const topic = parseTopic(c, c.req.param("topic"));
    if (topic instanceof Response) return topic;
    if (!isValidDate(ledgerDate)) return badRequest(c, "ledgerDate", `'${ledgerDate}' is not a date in YYYY-MM-DD format`);
    const withPersonalAsked = gdprFlag(c);
    if (withPersonalAsked instanceof Response) return withPersonalAsked;
    let index = 0;
    const rawCursor = c.req.query("cursor");
    if (rawCursor) {
      const cursor = decodeDateCursor(rawCursor);
      if (!cursor) return badRequest(c, "cursor", "not a cursor returned by this endpoint");
      if (cursor.l !== ledgerId || cursor.t !== topic || cursor.d !== ledgerDate) return badRequest(c, "cursor", "the cursor belongs to another ledger, topic or date");
      index = cursor.i;
    }
    const scope = state.readable(subject).get(ledgerId);
    const ledger = scope ? state.ledger(ledgerId) : undefined;
    if (!scope || !ledger) return notFound(c, "No such ledgerId");

    const today = state.today(ledgerId);
    // Only for keys that may read the ledger: a 404 that also says "the ledger is yours" to anyone else would leak.
    if (state.notYetAvailable404 && ledgerDate >= addDays(today, -1)) return notFound(c, "Report for this date is not available yet");
    if (ledgerDate > today) return c.json({ hasMore: false, tryLater: true, items: [] });
    const page = datePage(ledger[topic], ledgerDate, index, state.options.pageSize, c.get("truncatePage") === true);
    if (page === "bad-index") return badRequest(c, "cursor", "points past the end of this date");
    const withPersonal = withPersonalAsked && scope.personalData;
    const items = withBadEntry(c, page.items.map((e) => toWire(e, withPersonal)));
    const tryLater = ledgerDate === today;
    if (page.hasMore && page.nextIndex !== undefined) {
      return c.json({ cursor: encodeCursor({ k: "date", l: ledgerId, t: topic, d: ledgerDate, i: page.nextIndex }), hasMore: true, tryLater, items });
    }
    return c.json({ hasMore: false, tryLater, items });
  });

  app.get("/report/v2/ledgers/:ledgerId/:topic/feed", (c) => {
    const subject = authenticate(c, state);
    if (subject instanceof Response) return subject;
    const { ledgerId } = c.req.param();
    const topic = parseTopic(c, c.req.param("topic"));
    if (topic instanceof Response) return topic;
    const withPersonalAsked = gdprFlag(c);
    if (withPersonalAsked instanceof Response) return withPersonalAsked;
    let from: FeedPosition | undefined;
    const rawCursor = c.req.query("cursor");
    if (rawCursor) {
      const cursor = decodeFeedCursor(rawCursor);
      if (!cursor) return badRequest(c, "cursor", "not a cursor returned by this endpoint");
      if (cursor.l !== ledgerId || cursor.t !== topic) return badRequest(c, "cursor", "the cursor belongs to another ledger or topic");
      from = { date: cursor.d, index: cursor.i };
    }
    const scope = state.readable(subject).get(ledgerId);
    const ledger = scope ? state.ledger(ledgerId) : undefined;
    if (!scope || !ledger) return notFound(c, "No such ledgerId");

    const page = feedPage(ledger, topic, from, state.options.pageSize, c.get("truncatePage") === true);
    if (page === "bad-position") return badRequest(c, "cursor", "points outside this feed");
    // At the end: the same cursor back, tryLater, no items. Come back later with the same cursor.
    const cursor = page.atEnd && rawCursor ? rawCursor : encodeCursor({ k: "feed", l: ledgerId, t: topic, d: page.position.date, i: page.position.index });
    const withPersonal = withPersonalAsked && scope.personalData;
    return c.json({ cursor, tryLater: page.atEnd, items: withBadEntry(c, page.items.map((e) => toWire(e, withPersonal))) });
  });
}
