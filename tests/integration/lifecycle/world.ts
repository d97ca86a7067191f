import { mkdtempSync, rmSync } from "node:fs";
import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/server/db";
import { ledgerDateToDb } from "@/lib/dates";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import type { CurrentUser } from "@/lib/authz/types";

/**
 * A small world of its own for the lifecycle tests, in the shared test database: two merchants (one with a
 * joint ledger), four partners (approved, a rival, pending, suspended) and one person per role. Every name and
 * number carries a random tag, so nothing here collides with the demo world or with another run, and the
 * other suites' expectations about the demo world stay true. Grant pushes go over real HTTP to a recording
 * stand-in for the sandbox's admin endpoint (the real sandbox only knows the demo world's ledgers).
 * stop() deletes the organisations (cascading to their grants, requests, access events); users stay (the
 * append-only audit trail refers to them).
 */
export interface UpstreamRecorder {
  url: string;
  /** The last grant set pushed per partner org. number. */
  grants: Map<string, { ledgerId: string; includesPersonalData: boolean }[]>;
  /** Every push, in order (partner org. numbers). */
  pushes: string[];
  stop(): Promise<void>;
}

async function startUpstreamRecorder(secret: string): Promise<UpstreamRecorder> {
  const grants = new Map<string, { ledgerId: string; includesPersonalData: boolean }[]>();
  const pushes: string[] = [];
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["x-sandbox-admin-secret"] !== secret) return reply(401, { error: "bad secret" });
    const m = /^\/sandbox\/admin\/grants\/([^/]+)$/.exec(req.url ?? "");
    if (req.method === "PUT" && m) {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const orgNo = decodeURIComponent(m[1]!);
        const body = JSON.parse(raw) as { ledgers: { ledgerId: string; includesPersonalData: boolean }[] };
        grants.set(orgNo, body.ledgers);
        pushes.push(orgNo);
        reply(200, { partnerOrgNo: orgNo, ledgers: body.ledgers });
      });
      return;
    }
    if (req.method === "GET" && req.url === "/sandbox/admin/grants") {
      return reply(200, { partners: [...grants].map(([partnerOrgNo, ledgers]) => ({ partnerOrgNo, ledgers })) });
    }
    reply(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://localhost:${port}`, grants, pushes, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface LifecycleWorld {
  tag: string;
  upstream: UpstreamRecorder;
  outboxDir: string;
  merchant: { id: string; name: string; orgNo: string; units: Record<"a" | "b" | "c" | "d", { id: string; msn: string }>; ledgers: Record<"l1" | "l2" | "l3", { id: string; externalId: string }> };
  other: { id: string; name: string; orgNo: string; unit: { id: string; msn: string }; ledger: { id: string; externalId: string } };
  partner: { id: string; name: string; orgNo: string };
  rival: { id: string; name: string; orgNo: string };
  pendingPartner: { id: string; name: string; orgNo: string };
  suspendedPartner: { id: string; name: string; orgNo: string };
  people: Record<"admin" | "admin2" | "manager" | "viewer" | "otherAdmin" | "owner" | "accountant" | "accountant2" | "rivalOwner" | "pendingOwner" | "suspendedOwner", Person>;
  memberships: Record<"accountant" | "accountant2" | "owner" | "rivalOwner", string>;
  ctx: {
    admin: MerchantContext;
    admin2: MerchantContext;
    manager: MerchantContext;
    viewer: MerchantContext;
    otherAdmin: MerchantContext;
    owner: PartnerContext;
    accountant: PartnerContext;
    rivalOwner: PartnerContext;
    pendingOwner: PartnerContext;
    suspendedOwner: PartnerContext;
  };
  stop(): Promise<void>;
}

const SAVED_ENV = ["REPORT_API_BASE_URL", "OUTBOX_DIR", "REPORT_API_MODE"] as const;

function digits(n: number): string {
  let s = String(randomInt(1, 10));
  while (s.length < n) s += String(randomInt(0, 10));
  return s;
}

function user(p: Person): CurrentUser {
  return { id: p.id, email: p.email, name: p.name, isPlatformAdmin: false, organisations: [] };
}

/** Call in beforeAll, before anything reads the configuration (read once per test file). */
export async function startLifecycleWorld(): Promise<LifecycleWorld> {
  const saved = Object.fromEntries(SAVED_ENV.map((k) => [k, process.env[k]]));
  const upstream = await startUpstreamRecorder(process.env.SANDBOX_ADMIN_SECRET ?? "");
  const outboxDir = mkdtempSync(path.join(tmpdir(), "lifecycle-outbox-"));
  Object.assign(process.env, { REPORT_API_BASE_URL: upstream.url, OUTBOX_DIR: outboxDir, REPORT_API_MODE: "sandbox" });

  const tag = digits(6);
  const person = async (key: string, name: string): Promise<Person> => {
    const email = `${key}.${tag}@lifecycle.test`;
    const u = await db.user.create({ data: { email, name: `${name} ${tag}` }, select: { id: true, email: true, name: true } });
    return { id: u.id, email: u.email, name: u.name! };
  };

  const merchantRow = await db.merchant.create({ data: { slug: `lyng-${tag}`, name: `Lyng Bakeri ${tag} AS`, country: "NO", orgNo: digits(9) } });
  const otherRow = await db.merchant.create({ data: { slug: `elv-${tag}`, name: `Elv Sykkel ${tag} AS`, country: "NO", orgNo: digits(9) } });
  const ledger = async (merchantId: string) => db.ledger.create({ data: { merchantId, externalId: `9${digits(8)}`, currency: "NOK" }, select: { id: true, externalId: true } });
  const unit = async (merchantId: string, ledgerId: string, name: string) => {
    const msn = digits(7);
    return db.salesUnit.create({ data: { merchantId, ledgerId, msn, name: `${name} ${tag}`, channel: "api", recipientHandle: `api:${msn}` }, select: { id: true, msn: true } });
  };
  const l1 = await ledger(merchantRow.id);
  const l2 = await ledger(merchantRow.id);
  const l3 = await ledger(merchantRow.id);
  const units = {
    a: await unit(merchantRow.id, l1.id, "Lyng Torget"),
    b: await unit(merchantRow.id, l2.id, "Lyng Nettbutikk"),
    c: await unit(merchantRow.id, l3.id, "Lyng Kafé"),
    d: await unit(merchantRow.id, l3.id, "Lyng Kafé Kiosk"),
  };
  const l4 = await ledger(otherRow.id);
  const otherUnit = await unit(otherRow.id, l4.id, "Elv Sentrum");

  const partner = async (key: string, name: string, status: "approved" | "pending" | "suspended") =>
    db.accountingPartner.create({ data: { slug: `${key}-${tag}`, name: `${name} ${tag}`, orgNo: digits(9), country: "NO", status }, select: { id: true, name: true, orgNo: true } });
  const p = await partner("tall", "Talltrygg Regnskap", "approved");
  const q = await partner("rival", "Rival Revisjon", "approved");
  const r = await partner("pending", "Ny Regnskap", "pending");
  const s = await partner("susp", "Stengt Regnskap", "suspended");

  const people = {
    admin: await person("admin", "Astrid Admin"),
    admin2: await person("admin2", "Bjørn Admin"),
    manager: await person("manager", "Mari Manager"),
    viewer: await person("viewer", "Vidar Viewer"),
    otherAdmin: await person("other", "Odd Elv"),
    owner: await person("owner", "Petter Owner"),
    accountant: await person("acct", "Anja Accountant"),
    accountant2: await person("acct2", "Aksel Accountant"),
    rivalOwner: await person("rival", "Rita Rival"),
    pendingOwner: await person("pending", "Nina Ny"),
    suspendedOwner: await person("susp", "Stein Stengt"),
  };
  const mm = async (who: Person, merchantId: string, role: "admin" | "manager" | "viewer", unitIds: string[] = []) =>
    db.merchantMembership.create({ data: { userId: who.id, merchantId, role, salesUnits: { create: unitIds.map((salesUnitId) => ({ salesUnitId })) } } });
  await mm(people.admin, merchantRow.id, "admin");
  await mm(people.admin2, merchantRow.id, "admin");
  await mm(people.manager, merchantRow.id, "manager", [units.a.id, units.b.id, units.c.id]);
  await mm(people.viewer, merchantRow.id, "viewer");
  await mm(people.otherAdmin, otherRow.id, "admin");
  const pm = async (who: Person, partnerId: string, role: "owner" | "accountant") => (await db.partnerMembership.create({ data: { userId: who.id, partnerId, role }, select: { id: true } })).id;
  const memberships = {
    owner: await pm(people.owner, p.id, "owner"),
    accountant: await pm(people.accountant, p.id, "accountant"),
    accountant2: await pm(people.accountant2, p.id, "accountant"),
    rivalOwner: await pm(people.rivalOwner, q.id, "owner"),
  };
  await pm(people.pendingOwner, r.id, "owner");
  await pm(people.suspendedOwner, s.id, "owner");

  const mctx = (who: Person, merchant: { id: string; name: string }, role: MerchantContext["role"], scope: MerchantContext["salesUnitScope"] = "all"): MerchantContext => ({
    user: user(who), merchantId: merchant.id, merchantName: merchant.name, role, salesUnitScope: scope,
  });
  const pctx = (who: Person, partner: { id: string; name: string }, status: PartnerContext["partnerStatus"], role: PartnerContext["role"], scope: PartnerContext["clientScope"] = "all"): PartnerContext => ({
    user: user(who), partnerId: partner.id, partnerName: partner.name, partnerStatus: status, role, clientScope: scope,
  });

  return {
    tag,
    upstream,
    outboxDir,
    merchant: { id: merchantRow.id, name: merchantRow.name, orgNo: merchantRow.orgNo, units, ledgers: { l1, l2, l3 } },
    other: { id: otherRow.id, name: otherRow.name, orgNo: otherRow.orgNo, unit: otherUnit, ledger: l4 },
    partner: p,
    rival: q,
    pendingPartner: r,
    suspendedPartner: s,
    people,
    memberships,
    ctx: {
      admin: mctx(people.admin, merchantRow, "admin"),
      admin2: mctx(people.admin2, merchantRow, "admin"),
      manager: mctx(people.manager, merchantRow, "manager", [units.a.id, units.b.id, units.c.id]),
      viewer: mctx(people.viewer, merchantRow, "viewer"),
      otherAdmin: mctx(people.otherAdmin, otherRow, "admin"),
      owner: pctx(people.owner, p, "approved", "owner"),
      accountant: pctx(people.accountant, p, "approved", "accountant", []),
      rivalOwner: pctx(people.rivalOwner, q, "approved", "owner"),
      pendingOwner: pctx(people.pendingOwner, r, "pending", "owner"),
      suspendedOwner: pctx(people.suspendedOwner, s, "suspended", "owner"),
    },
    async stop() {
      await db.merchant.deleteMany({ where: { id: { in: [merchantRow.id, otherRow.id] } } });
      await db.accountingPartner.deleteMany({ where: { id: { in: [p.id, q.id, r.id, s.id] } } });
      const ids = Object.values(people).map((x) => x.id);
      await db.notification.deleteMany({ where: { userId: { in: ids } } });
      await db.outboxEmail.deleteMany({ where: { toAddress: { endsWith: `.${tag}@lifecycle.test` } } });
      await upstream.stop().catch(() => undefined);
      rmSync(outboxDir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/** A grant made directly (for lifecycle tests that need dates relative to a fixed clock). */
export async function makeGrant(w: LifecycleWorld, opts: {
  ledger: { id: string };
  partnerId?: string;
  merchantId?: string;
  status?: "active" | "pending_approval" | "expired" | "revoked";
  validUntil?: string | null;
  periodFrom?: string | null;
  includesPersonalData?: boolean;
  createdAt?: Date;
  lastReminderDays?: number | null;
}): Promise<string> {
  const g = await db.ledgerGrant.create({
    data: {
      merchantId: opts.merchantId ?? w.merchant.id,
      partnerId: opts.partnerId ?? w.partner.id,
      ledgerId: opts.ledger.id,
      status: opts.status ?? "active",
      validUntil: opts.validUntil ? ledgerDateToDb(opts.validUntil) : null,
      periodFrom: opts.periodFrom ? ledgerDateToDb(opts.periodFrom) : null,
      includesPersonalData: opts.includesPersonalData ?? false,
      grantedById: w.people.admin.id,
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      lastReminderDays: opts.lastReminderDays ?? null,
      ...(opts.status === "revoked" ? { revokedAt: new Date(), revokedById: w.people.admin.id } : {}),
    },
    select: { id: true },
  });
  return g.id;
}

/** Everything a change could touch, for "changes nothing" checks. */
export async function snapshot(w: LifecycleWorld) {
  const merchantIds = [w.merchant.id, w.other.id];
  const partnerIds = [w.partner.id, w.rival.id, w.pendingPartner.id, w.suspendedPartner.id];
  const [grants, requests, assignments, audit, notifications, mails] = await Promise.all([
    db.ledgerGrant.findMany({ where: { merchantId: { in: merchantIds } }, orderBy: { id: "asc" } }),
    db.accessRequest.findMany({ where: { OR: [{ merchantId: { in: merchantIds } }, { partnerId: { in: partnerIds } }] }, orderBy: { id: "asc" }, include: { salesUnits: true } }),
    db.partnerClientAssignment.findMany({ where: { membership: { partnerId: { in: partnerIds } } }, orderBy: [{ membershipId: "asc" }, { merchantId: "asc" }] }),
    db.auditEvent.count(),
    db.notification.count({ where: { userId: { in: Object.values(w.people).map((p) => p.id) } } }),
    db.outboxEmail.count({ where: { toAddress: { endsWith: `.${w.tag}@lifecycle.test` } } }),
  ]);
  return { grants, requests, assignments, audit, notifications, mails };
}

/** Upstream's view: the ledgers a partner's keys may read, as last pushed, sorted ("+pd": with personal data). */
export function upstreamLedgers(w: LifecycleWorld, orgNo: string): string[] {
  return (w.upstream.grants.get(orgNo) ?? []).map((l) => `${l.ledgerId}${l.includesPersonalData ? "+pd" : ""}`).sort();
}

/** Between tests: no requests, grants, assignments, notifications or mails of this world; upstream told. */
export async function resetWorld(w: LifecycleWorld): Promise<void> {
  const merchantIds = [w.merchant.id, w.other.id];
  await db.accessRequest.deleteMany({ where: { merchantId: { in: merchantIds } } });
  // Requests that reached no merchant (unknown numbers) are the partners' own rows.
  await db.accessRequest.deleteMany({ where: { merchantId: null, partnerId: { in: [w.partner.id, w.rival.id, w.pendingPartner.id, w.suspendedPartner.id] } } });
  await db.ledgerGrant.deleteMany({ where: { merchantId: { in: merchantIds } } });
  await db.ledgerAccessEvent.deleteMany({ where: { merchantId: { in: merchantIds } } });
  await db.partnerClientAssignment.deleteMany({ where: { merchantId: { in: merchantIds } } });
  await db.notification.deleteMany({ where: { userId: { in: Object.values(w.people).map((p) => p.id) } } });
  await db.outboxEmail.deleteMany({ where: { toAddress: { endsWith: `.${w.tag}@lifecycle.test` } } });
  const { pushPartnerGrantsToSandbox } = await import("@/lib/server/sandbox-sync/push-grants-to-sandbox");
  for (const id of [w.partner.id, w.rival.id]) await pushPartnerGrantsToSandbox(db, id);
  w.upstream.pushes.length = 0;
}
