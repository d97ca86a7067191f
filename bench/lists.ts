/**
 * The list benchmark (issue 14, "a list of 5,000 costs the same as a list of 50"): the data calls of the paged
 * list pages, timed at the demo world's size and at the synthetic size of bench/seed-synthetic.ts, in the same
 * run and interleaved, as medians of repeats; each synthetic-size figure is a ratio against the same call at
 * demo size. "Before" reproduces the clients page's old data call (every live grant of the firm, with merchant,
 * ledger and sales units) so the change is measured in the same run too.
 *
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres node --import ./scripts/lib/server-only-hook.mjs --import tsx bench/lists.ts
 *
 * Creates two scratch databases on that server (dropped at the end), migrates them, seeds the demo world in
 * both and the synthetic set in one. BENCH_REPS sets the samples per case (default 15). Writes the table
 * between the bench-lists markers of docs/performance.md (BENCH_WRITE=0 prints only).
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "../scripts/lib/migrate";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { listClientsPage } from "@/lib/server/partner-clients/list-clients";
import { listOverviewFilterOptions, listPartnerOverviewPage } from "@/lib/server/merchant-partners/list-partner-overview";
import { listInbox } from "@/lib/server/notifications/inbox";
import { listPartnerStaffPage } from "@/lib/server/partner-staff/list-partner-staff";
import { listPartnerPeopleForMerchantPage } from "@/lib/server/partner-staff/list-partner-people-for-merchant";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { listRenewals } from "@/lib/server/renewals/list-renewals";
import { todayPortalDate } from "@/lib/dates";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import type { ListQuery } from "@/lib/paging/keyset";
import { insertSyntheticWorld } from "./synthetic-world";
import { ISSUE_14_SHAPE } from "./seed-synthetic";
import { interleave } from "./measure";

const DOC = path.resolve("docs/performance.md");
const START = "<!-- bench-lists:start -->";
const END = "<!-- bench-lists:end -->";
const first = (q = ""): ListQuery => ({ q, cursor: null, direction: "next", size: 25 });

async function createDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_lists_${label}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function contexts(prisma: PrismaClient): Promise<{ per: PartnerContext; kari: MerchantContext }> {
  const p = await prisma.partnerMembership.findFirstOrThrow({ where: { user: { email: "per@tallbalanse.example" } }, select: { userId: true, role: true, partner: { select: { id: true, name: true, status: true } } } });
  const m = await prisma.merchantMembership.findFirstOrThrow({ where: { user: { email: "kari@fjordkaffe.example" }, merchant: { slug: "fjord-kaffe" } }, select: { userId: true, role: true, merchant: { select: { id: true, name: true } } } });
  const user = (id: string, email: string) => ({ id, email, name: email, isPlatformAdmin: false, organisations: [] });
  return {
    per: { user: user(p.userId, "per@tallbalanse.example"), partnerId: p.partner.id, partnerName: p.partner.name, partnerStatus: p.partner.status, role: p.role, clientScope: "all" },
    kari: { user: user(m.userId, "kari@fjordkaffe.example"), merchantId: m.merchant.id, merchantName: m.merchant.name, role: m.role, salesUnitScope: "all" },
  };
}

/** The clients page's data call before issue 14: every live grant of the firm, with merchant, ledger and sales units. */
async function clientsBefore(prisma: PrismaClient, ctx: PartnerContext): Promise<number> {
  const today = todayPortalDate();
  const grants = await prisma.ledgerGrant.findMany({
    where: { partnerId: ctx.partnerId, status: "active", OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${today}T00:00:00.000Z`) } }] },
    orderBy: [{ merchant: { name: "asc" } }, { ledger: { externalId: "asc" } }],
    select: {
      id: true, status: true, periodFrom: true, periodTo: true, validUntil: true, includesPersonalData: true,
      merchant: { select: { id: true, name: true, orgNo: true, country: true } },
      ledger: { select: { externalId: true, currency: true, salesUnits: { select: { msn: true, name: true }, orderBy: { name: "asc" } } } },
    },
  });
  return new Set(grants.map((g) => g.merchant.id)).size;
}

function middle(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main() {
  const serverUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const reps = Number(process.env.BENCH_REPS ?? 15);
  const started = new Date();
  const demo = await createDatabase(serverUrl, "demo");
  // The data layer's configuration (nothing here signs anyone in or stores keys); the Report API stays unasked.
  process.env.DATABASE_URL ??= demo.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.CREDENTIALS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.REPORT_API_MODE = "production";
  const big = await createDatabase(serverUrl, "synthetic");
  const clients = { demo: new PrismaClient({ adapter: new PrismaPg({ connectionString: demo.url, max: 10 }) }), big: new PrismaClient({ adapter: new PrismaPg({ connectionString: big.url, max: 10 }) }) };
  const g = globalThis as unknown as { __portalDb?: PrismaClient };
  try {
    for (const c of Object.values(clients)) await seedDemoWorld(c, { encryptionKey: Buffer.alloc(32, 1), withDemoKeys: false });
    const seedClient = new pg.Client({ connectionString: big.url });
    await seedClient.connect();
    await insertSyntheticWorld(seedClient, ISSUE_14_SHAPE);
    await seedClient.end();
    const ctx = { demo: await contexts(clients.demo), big: await contexts(clients.big) };

    type Size = "demo" | "big";
    const on = (size: Size, fn: () => Promise<unknown>) => async () => {
      g.__portalDb = clients[size];
      await fn();
    };
    const cases: { name: string; run: (size: Size) => Promise<unknown> }[] = [
      { name: "before: partner clients, every live grant (old data call)", run: (s) => clientsBefore(clients[s], ctx[s].per) },
      { name: "partner clients, first page + SQL counts", run: (s) => listClientsPage(ctx[s].per, first()) },
      { name: "partner clients, search \"Kaffe\"", run: (s) => listClientsPage(ctx[s].per, first("Kaffe")) },
      { name: "merchant overview (/merchant/partners), page + summary", run: (s) => listPartnerOverviewPage(ctx[s].kari, {}, first()) },
      { name: "merchant overview, filter options", run: (s) => listOverviewFilterOptions(ctx[s].kari) },
      { name: "notifications, first page + counts", run: (s) => listInbox(ctx[s].kari.user.id, { take: 20 }) },
      { name: "partner staff (/partner/staff), page + counts + dialog clients", run: (s) => listPartnerStaffPage(ctx[s].per, first()) },
      { name: "merchant \"who can see\" (/merchant/partner-staff), page + counts", run: (s) => listPartnerPeopleForMerchantPage(ctx[s].kari, { ...first(), size: 10 }) },
      { name: "merchant request tabs and stat cards (SQL counts)", run: (s) => countMerchantRequests(ctx[s].kari) },
      { name: "merchant renewals (bounded lists + counts)", run: (s) => listRenewals(ctx[s].kari) },
    ];
    // Warm both pools and plans once.
    for (const c of cases) for (const s of ["demo", "big"] as const) await on(s, () => c.run(s))();
    const timings = await interleave(
      reps,
      cases.flatMap((c) => (["demo", "big"] as const).map((s) => ({ label: `${c.name}|${s}`, run: on(s, () => c.run(s)) }))),
    );
    const sizes = await Promise.all((["demo", "big"] as const).map(async (s) => ({ s, n: await clientsBefore(clients[s], ctx[s].per) })));
    const rows = cases.map((c) => {
      const d = timings.find((t) => t.label === `${c.name}|demo`)!;
      const b = timings.find((t) => t.label === `${c.name}|big`)!;
      // Ratio of medians, and the median of pairwise ratios (sample i at both sizes ran back to back).
      const pairwise = middle(d.samples.map((v, i) => b.samples[i]! / v));
      return `| ${c.name} | ${d.median.toFixed(1)} | ${b.median.toFixed(1)} | ${(b.median / d.median).toFixed(2)} (${pairwise.toFixed(2)}) |`;
    });
    const cpus = os.cpus();
    const pgVersion = (await clients.demo.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`)[0]?.v ?? "?";
    const text = [
      `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, PostgreSQL ${pgVersion} on the same machine (load average ${os.loadavg()[0]!.toFixed(1)} at the end: other work shared it). ${reps} samples per case and size, interleaved. Demo size: the demo world (Tall & Balanse has ${sizes[0]!.n} clients). Synthetic size: bench/seed-synthetic.ts (10,004 merchants, 50,003 grants; Tall & Balanse has ${sizes[1]!.n} clients; Fjord Kaffe has 200 partners on one ledger, 2,000 pending requests, 2,000 notifications for Kari; Tall & Balanse has 302 people).`,
      "",
      "| data call | demo ms (median) | synthetic ms (median) | synthetic ÷ demo (median of paired ratios) |",
      "| --- | ---: | ---: | ---: |",
      ...rows,
    ].join("\n");
    console.log(text);
    if (process.env.BENCH_WRITE !== "0") {
      const doc = readFileSync(DOC, "utf8");
      const a = doc.indexOf(START);
      const b = doc.indexOf(END);
      if (a >= 0 && b > a) writeFileSync(DOC, `${doc.slice(0, a + START.length)}\n${text}\n${doc.slice(b)}`);
    }
  } finally {
    await clients.demo.$disconnect();
    await clients.big.$disconnect();
    await demo.drop();
    await big.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
