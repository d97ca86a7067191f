/**
 * The ledger-read benchmark, run by bench/run.ts in a child process (it uses the server-only data layer, hence the
 * react-server condition) against a fresh database and an in-process-of-the-parent sandbox with the volume switch.
 *
 * 1. One ledger date of about 1,000 entries (funds + fees): the portal's first view (cache empty: fetched from the
 *    sandbox and cached) and a repeat view (from the cache), against the baseline of the bare Report API client
 *    reading the same date from the sandbox.
 * 2. A 30-day range on the 100,000-capture ledger: the same three, plus a deep page of entries (keyset paging).
 * 3. Cached ranges of 1, 7 and 30 dates: the page's data call (stored date summaries + one page of entries) against the
 *    same-run reference of figures computed from every entry of the range (the way before the summaries).
 * What is timed is what a page does on the server: readLedgerRange (figures, checks, access log) plus the first
 * page of entries. Browser rendering is not included.
 */
import { writeFileSync } from "node:fs";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { addDays, eachDate, type DateRange } from "@/lib/ledgers/range";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { createReportApiClient, type ReportApiClient } from "@/lib/report-api";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { loadPartnerCredentials } from "@/lib/server/credentials/load-credentials";
import { getPartnerLedgerAccess, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { forgetOpenDates } from "@/lib/server/ledgers/fetch-ledger-date";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { mapWithConcurrency } from "@/lib/server/ledgers/map-with-concurrency";
import { readLedgerRange, readLedgerRangeWithStatuses } from "@/lib/server/ledgers/read-ledger-range";
import { loadEntryFacts } from "@/lib/server/ledgers/ledger-cache";
import { summarizeDays } from "@/lib/ledgers/day-summary";
import { pushAllGrantsToSandbox } from "@/lib/server/sandbox-sync/push-grants-to-sandbox";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { interleave, type Timing } from "./measure";

export interface ScenarioResult {
  name: string;
  detail: string;
  baseline: string;
  timings: (Timing & { ratio: number })[];
}

async function perContext(): Promise<PartnerContext> {
  const m = await db.partnerMembership.findFirstOrThrow({
    where: { user: { email: "per@tallbalanse.example" } },
    select: { role: true, userId: true, partner: { select: { id: true, name: true, status: true } } },
  });
  return {
    user: { id: m.userId, email: "per@tallbalanse.example", name: "Per Olsen", isPlatformAdmin: false, organisations: [] },
    partnerId: m.partner.id,
    partnerName: m.partner.name,
    partnerStatus: m.partner.status,
    role: m.role,
    clientScope: "all",
  };
}

/** Per's firm also gets the webshop ledger (the volume ledger), here and upstream. */
async function grantVolumeLedger(ctx: PartnerContext): Promise<void> {
  const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId: "302102" }, select: { id: true, merchantId: true } });
  const exists = await db.ledgerGrant.findFirst({ where: { partnerId: ctx.partnerId, ledgerId: ledger.id, status: "active" } });
  if (!exists) await db.ledgerGrant.create({ data: { partnerId: ctx.partnerId, ledgerId: ledger.id, merchantId: ledger.merchantId, status: "active" } });
  await pushAllGrantsToSandbox(db);
}

// A first view is measured many times in a minute: its upstream rate-limit counters are cleared with the cache.
const forget = async (access: LedgerAccess, range: DateRange) => {
  await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`);
  await db.ledgerDay.deleteMany({ where: { ledgerId: access.ledger.id, ledgerDate: { gte: ledgerDateToDb(range.from), lte: ledgerDateToDb(range.to) } } });
};

function withRatios(timings: Timing[]): (Timing & { ratio: number })[] {
  const base = timings[0]!.median;
  return timings.map((t) => ({ ...t, ratio: t.median / base }));
}

async function baselineRead(client: ReportApiClient, ledgerId: string, dates: string[]) {
  const work = dates.flatMap((date) => (["funds", "fees"] as const).map((topic) => ({ date, topic })));
  // The same concurrency the portal uses for upstream reads (4), so the baseline is upstream's cost alone.
  return mapWithConcurrency(work, 4, ({ date, topic }) => client.getLedgerDate(ledgerId, topic, date));
}

/** The sandbox's fault switch: hold every Report API request `ms` (0 clears the faults). */
async function setLatency(ms: number): Promise<void> {
  const e = env();
  const res = await fetch(`${e.REPORT_API_BASE_URL}/sandbox/admin/faults`, {
    method: ms > 0 ? "PUT" : "DELETE",
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": e.SANDBOX_ADMIN_SECRET ?? "" },
    ...(ms > 0 ? { body: JSON.stringify({ rules: [{ kind: "latency", latencyMs: ms, probability: 1, routes: "report" }] }) } : {}),
  });
  if (!res.ok) throw new Error(`sandbox faults: HTTP ${res.status}`);
}

async function main() {
  const e = env();
  await seedDemoWorld(db, { encryptionKey: Buffer.from(e.CREDENTIALS_ENCRYPTION_KEY, "base64"), withDemoKeys: true });
  const ctx = await perContext();
  await grantVolumeLedger(ctx);
  const creds = (await loadPartnerCredentials(ctx.partnerId))!.credentials;
  const bare = createReportApiClient({ baseUrl: e.REPORT_API_BASE_URL, credentials: creds });
  const today = todayPortalDate();
  const reps = Number(process.env.BENCH_REPS ?? 9);
  const results: ScenarioResult[] = [];

  // 1. One ledger date of ~1,000 entries on 302101 (volume ~500 captures a day): the closest of a week of dates.
  const access101 = (await getPartnerLedgerAccess(ctx, "302101"))!;
  const candidates = eachDate({ from: addDays(today, -14), to: addDays(today, -8) });
  const sizes = await Promise.all(candidates.map(async (d) => ({ d, n: (await baselineRead(bare, "302101", [d])).reduce((s, r) => s + r.entries.length, 0) })));
  const day = sizes.reduce((a, b) => (Math.abs(b.n - 1000) < Math.abs(a.n - 1000) ? b : a));
  const one = { from: day.d, to: day.d };
  const portalView = async (access: LedgerAccess, range: DateRange) => {
    await readLedgerRange(access, range);
    await listLedgerEntries(access, range, { topic: "funds" });
  };
  const oneDay = await interleave(reps, [
    { label: "baseline: bare Report API client reads the date from the sandbox", run: () => baselineRead(bare, "302101", [day.d]) },
    { label: "portal, first view (cache empty: sandbox + cache write)", before: async () => { await forget(access101, one); forgetOpenDates(); }, run: () => portalView(access101, one) },
    { label: "portal, repeat view (from the cache)", before: async () => { await readLedgerRange(access101, one); }, run: () => portalView(access101, one) },
  ]);
  results.push({ name: "One ledger date", detail: `ledger 302101, ${day.d}, ${day.n} entries (funds + fees)`, baseline: oneDay[0]!.label, timings: withRatios(oneDay) });

  // 1b. The same date with 150 ms added to every upstream request (the sandbox's latency fault): closer to a real
  // network round trip to api.vipps.no than a server on this machine.
  await setLatency(150);
  const oneDaySlow = await interleave(Math.max(3, Math.ceil(reps / 2)), [
    { label: "baseline: bare Report API client, 150 ms upstream latency", run: () => baselineRead(bare, "302101", [day.d]) },
    { label: "portal, first view, 150 ms upstream latency", before: async () => { await forget(access101, one); forgetOpenDates(); }, run: () => portalView(access101, one) },
    { label: "portal, repeat view (from the cache)", before: async () => { await readLedgerRange(access101, one); }, run: () => portalView(access101, one) },
  ]);
  await setLatency(0);
  results.push({ name: "One ledger date, 150 ms upstream latency", detail: `ledger 302101, ${day.d}, ${day.n} entries; every sandbox request held 150 ms`, baseline: oneDaySlow[0]!.label, timings: withRatios(oneDaySlow) });

  // 2. 30 closed dates on the 100,000-capture ledger 302102.
  const access102 = (await getPartnerLedgerAccess(ctx, "302102"))!;
  const range = { from: addDays(today, -31), to: addDays(today, -2) };
  const first = await readLedgerRange(access102, range);
  const entries = first.totals.funds.entries + first.totals.fees.entries;
  const lastDate = range.to;
  const rangeReps = Math.max(3, Math.ceil(reps / 2));
  const thirty = await interleave(rangeReps, [
    { label: "baseline: bare Report API client reads the 30 dates from the sandbox", run: () => baselineRead(bare, "302102", eachDate(range)) },
    { label: "portal, first view (cache empty: sandbox + cache write)", before: async () => { await forget(access102, range); forgetOpenDates(); }, run: () => portalView(access102, range) },
    { label: "portal, repeat view (from the cache)", before: async () => { await readLedgerRange(access102, range); }, run: () => portalView(access102, range) },
    { label: "portal, a page of entries on the last date (keyset, from the cache)", before: async () => { await readLedgerRange(access102, range); }, run: () => listLedgerEntries(access102, range, { topic: "funds", after: `${lastDate}.0` }) },
  ]);
  results.push({ name: "30-day range, 100,000-capture ledger", detail: `ledger 302102, ${range.from} – ${range.to}, ${entries.toLocaleString("en-GB")} entries (funds + fees)`, baseline: thirty[0]!.label, timings: withRatios(thirty) });

  // 3. The page's data call on cached ranges of 1, 7 and 30 dates (302102): figures from the stored date summaries plus
  // one page of entries, so its cost should not grow with the range. Against the same-run reference of what the
  // figures cost before the summaries (every entry of the range read and summed: loadEntryFacts + summarizeDays).
  const cachedRanges = [1, 7, 30].map((n) => ({ n, range: { from: addDays(range.to, -(n - 1)), to: range.to } }));
  await readLedgerRange(access102, range);
  const dataCall = async (r: DateRange) => {
    const { view, ensured } = await readLedgerRangeWithStatuses(access102, r);
    await listLedgerEntries(access102, r, { topic: "funds" }, ensured ? { ensured } : {});
    return view;
  };
  const formerFigures = async (r: DateRange) => {
    const facts = await loadEntryFacts(access102.ledger.id, eachDate(r));
    return summarizeDays(eachDate(r).map((date) => ({ date, state: "closed" as const, funds: facts.filter((f) => f.ledgerDate === date && f.topic === "funds"), fees: facts.filter((f) => f.ledgerDate === date && f.topic === "fees") })));
  };
  const cachedCases = await interleave(reps, [
    ...cachedRanges.map(({ n, range: r }) => ({ label: `page data call, ${n} cached date${n > 1 ? "s" : ""} (summaries + one page of entries)`, run: () => dataCall(r) })),
    ...cachedRanges.map(({ n, range: r }) => ({ label: `reference: figures from every entry, ${n} date${n > 1 ? "s" : ""} (the former way)`, run: () => formerFigures(r) })),
  ]);
  results.push({ name: "Cached ranges: cost against the range's length", detail: `ledger 302102, ranges ending ${range.to}; the baseline is the 1-date data call`, baseline: cachedCases[0]!.label, timings: withRatios(cachedCases) });

  const pgVersion = ((await db.$queryRaw<{ v: string }[]>`SELECT split_part(version(), ' ', 2) AS v`)[0]?.v) ?? "?";
  writeFileSync(process.env.BENCH_OUT!, JSON.stringify({ results, postgres: pgVersion, reps, rangeReps }, null, 2));
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
