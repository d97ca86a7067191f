import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PERSONAS, type Persona, type Relation } from "./authz-matrix/world";
import { ACTION_ROWS, INLINE_SERVER_ACTIONS, PAGE_ROWS, ROUTE_ROWS, ROWS, orgKey, type Cell, type Row } from "./authz-matrix/rows";
import { absolute, inlineServerActionFiles, pageFiles, routeFiles, serverActions } from "./authz-matrix/enumerate";

/**
 * The authorization matrix: every page, route handler and server action of the app (found on disk and in the
 * "use server" modules, see ./authz-matrix/enumerate.ts) × every persona × the persona's own tenant and
 * another's, each cell with its expected outcome written out in ./authz-matrix/rows.ts. A page, route or
 * action without a row fails the suite, and so does a row for something that no longer exists.
 *
 * Each cell signs the persona in (tests/support/persona-session.ts: only Auth.js' cookie decoding and
 * next/headers are replaced) and calls the real thing: the page's server component with its params, the
 * route's GET with a Request, the exported action as the browser would (so through the action wrapper).
 * A refused cell must write nothing: every table of the matrix's own database logs its row writes.
 */
vi.mock("@/lib/server/auth/auth", async (original) => (await import("@/tests/support/persona-session")).mockAuthModule(await original()));
vi.mock("next/headers", async () => (await import("@/tests/support/persona-session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("@/tests/support/persona-session")).mockNextCache());
vi.mock("next-intl/server", async () => (await import("@/tests/support/next-intl-server")).mockNextIntlServer());

const SANDBOX_SECRET = "authz-matrix-sandbox-secret";
const { createScratchDatabase, installWriteLog } = await import("@/tests/support/scratch-database");
const scratch = await createScratchDatabase("authz");
const { startSandbox } = await import("@/sandbox/server");
const sandbox = await startSandbox({ port: 0, adminSecret: SANDBOX_SECRET });
Object.assign(process.env, { REPORT_API_BASE_URL: sandbox.url, SANDBOX_ADMIN_SECRET: SANDBOX_SECRET, REPORT_API_MODE: "sandbox", OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), "authz-matrix-outbox-")) });

const { db } = await import("@/lib/server/db");
const { getQueue } = await import("@/lib/server/jobs/queue");
const { isWrappedAction } = await import("@/lib/server/actions/define-action");
const { NextRequest } = await import("next/server");
const { signInPersona, signOutPersona } = await import("@/tests/support/persona-session");
const { buildMatrixWorld, takeBaseline, EMAILS } = await import("./authz-matrix/world");

type Outcome = "A" | "0" | "N" | "F" | "S" | "C" | "R" | "X";
const WORDS: Record<Outcome, string> = { A: "allowed", 0: "allowed, changes nothing", N: "not found", F: "forbidden", S: "sign in", C: "choose organisation", R: "redirect", X: "throws" };
interface Observed {
  outcome: Outcome | `?${string}`;
  detail: string;
}

let world: Awaited<ReturnType<typeof buildMatrixWorld>>;
let restore: Awaited<ReturnType<typeof takeBaseline>>;
let actions: Map<string, unknown>;

beforeAll(async () => {
  world = await buildMatrixWorld();
  await getQueue(); // pg-boss creates its schema now, so a refused "sync" can be seen not to queue a job
  await installWriteLog(db);
  restore = await takeBaseline();
  actions = await serverActions();
}, 180_000);

afterAll(async () => {
  signOutPersona();
  await (await getQueue()).stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
  await db.$disconnect();
  await sandbox.stop().catch(() => undefined);
  await scratch.drop();
});

/** Writes so far: the row-write log of every app table, and pg-boss jobs. */
async function writeMark(): Promise<{ log: bigint; jobs: bigint }> {
  const [row] = await db.$queryRawUnsafe<{ log: bigint; jobs: bigint }[]>(
    `SELECT (SELECT coalesce(max(id), 0) FROM public.zz_write_log) AS log, (SELECT count(*) FROM pgboss.job) AS jobs`,
  );
  return row!;
}

async function writesSince(mark: { log: bigint; jobs: bigint }): Promise<string[]> {
  const now = await writeMark();
  const rows = await db.$queryRawUnsafe<{ tbl: string; op: string }[]>(`SELECT tbl, op FROM public.zz_write_log WHERE id > $1 ORDER BY id`, mark.log);
  const jobs = now.jobs - mark.jobs;
  return [...rows.map((r) => `${r.op} ${r.tbl}`), ...(jobs !== 0n ? [`${jobs} pg-boss job(s)`] : [])];
}

function fromThrown(err: unknown): Observed {
  const digest = typeof (err as { digest?: unknown })?.digest === "string" ? (err as { digest: string }).digest : "";
  if (digest.startsWith("NEXT_REDIRECT")) {
    const url = digest.split(";")[2] ?? "";
    return { outcome: url === "/sign-in" ? "S" : url === "/select-organisation" ? "C" : "R", detail: `redirect ${url}` };
  }
  const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
  if (fallback) return { outcome: fallback[1] === "404" ? "N" : fallback[1] === "403" ? "F" : fallback[1] === "401" ? "S" : `?${fallback[1]}`, detail: digest };
  return { outcome: "X", detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}

const CODES: Record<string, Outcome> = { UNAUTHENTICATED: "S", NOT_FOUND: "N", FORBIDDEN: "F" };
const STATUSES: Record<number, Outcome> = { 200: "A", 401: "S", 403: "F", 404: "N" };

async function observe(row: Row, c: Cell): Promise<Observed> {
  try {
    if (row.kind === "action") {
      const fn = actions.get(row.unit) as (input: unknown) => Promise<unknown>;
      const result = (await row.call(fn, c)) as { ok: boolean; error?: { code: string; message: string } } | undefined;
      if (!result) return { outcome: "A", detail: "returned" };
      if (result.ok) return { outcome: "A", detail: "ok" };
      return { outcome: CODES[result.error!.code] ?? `?${result.error!.code}`, detail: `${result.error!.code}: ${result.error!.message}` };
    }
    if (row.kind === "page") {
      const mod = (await import(absolute(row.unit))) as { default: (props: unknown) => Promise<unknown> };
      const element = await mod.default({ params: Promise.resolve(row.params?.(c) ?? {}), searchParams: Promise.resolve({}) });
      return element ? { outcome: "A", detail: "rendered" } : { outcome: "?empty", detail: "rendered nothing" };
    }
    const mod = (await import(absolute(row.unit))) as { GET: (req: unknown, ctx: unknown) => Promise<Response> };
    const res = await mod.GET(new NextRequest(row.url), { params: Promise.resolve(row.params?.(c) ?? {}) });
    const body = await res.text();
    return { outcome: STATUSES[res.status] ?? `?${res.status}`, detail: `HTTP ${res.status} ${body.slice(0, 120)}` };
  } catch (err) {
    return fromThrown(err);
  }
}

// "scope" is the own tenant: the persona signs in to its own organisation.
const isSessionOnly = (row: Row) => (row.kind === "action" ? row.sessionOnly === true : !row.params);

async function signIn(row: Row, c: Cell): Promise<void> {
  const forged = c.rel === "other" && isSessionOnly(row);
  if (c.persona === "signedOut") {
    signOutPersona();
    return;
  }
  const own = orgKey({ ...c, rel: "own" });
  await signInPersona(EMAILS[c.persona], { activeOrg: forged ? orgKey(c) : own });
}

const relations = (row: Row): Relation[] => (row.expect.scope ? ["own", "other", "scope"] : ["own", "other"]);
const cells = (row: Row) =>
  relations(row).flatMap((rel) =>
    PERSONAS.map((persona, i) => {
      const expected = row.expect[rel]!.split(" ")[i] as Outcome;
      return { rel, persona, expected, label: `${rel} · ${persona} → ${WORDS[expected] ?? expected}` };
    }),
  );

const CELL_COUNT = ROWS.reduce((n, row) => n + cells(row).length, 0);

describe("the matrix covers everything the app exposes", () => {
  it("has a row for every page and route handler on disk, and none for a file that is gone", () => {
    expect(PAGE_ROWS.map((r) => r.unit).sort(), "app/**/page.tsx without a row (or a row without a file)").toEqual(pageFiles());
    expect(ROUTE_ROWS.map((r) => r.unit).sort(), "app/**/route.ts without a row (or a row without a file)").toEqual(routeFiles());
  });

  it("has a row for every exported server action, and none for an action that is gone", () => {
    expect(ACTION_ROWS.map((r) => r.unit).sort(), "server action without a row (or a row without an action)").toEqual([...actions.keys()].sort());
  });

  it("knows every inline server action (a closure no row can call) and what it delegates to", () => {
    expect(inlineServerActionFiles()).toEqual(Object.keys(INLINE_SERVER_ACTIONS).sort());
  });

  it("calls every action through the define-action wrapper, except the few that say why not", () => {
    const unwrapped = [...actions].filter(([, fn]) => !isWrappedAction(fn)).map(([unit]) => unit).sort();
    expect(unwrapped).toEqual(ACTION_ROWS.filter((r) => r.unwrapped).map((r) => r.unit).sort());
  });

  it("includes the 12 ledger-read and credential actions, each built with the wrapper", () => {
    const twelve = [...actions].filter(([unit]) => unit.startsWith("lib/server/ledgers/actions/") || unit.startsWith("lib/server/credentials/actions.ts#"));
    expect(twelve.map(([unit]) => unit.split("#")[1])).toHaveLength(12);
    expect(twelve.filter(([, fn]) => !isWrappedAction(fn)).map(([unit]) => unit)).toEqual([]);
  });

  it("declares an outcome for every persona and tenant relation of every row", () => {
    for (const row of ROWS) for (const rel of relations(row)) expect(row.expect[rel]!.split(" "), `${row.unit} (${rel})`).toHaveLength(PERSONAS.length);
    const scoped = ROWS.filter((row) => row.expect.scope).length;
    expect(CELL_COUNT).toBe((ROWS.length * 2 + scoped) * PERSONAS.length);
    console.info(`authorization matrix: ${ROWS.length} rows (${ACTION_ROWS.length} actions, ${PAGE_ROWS.length} pages, ${ROUTE_ROWS.length} route handlers) × ${PERSONAS.length} personas × own/other tenant, plus out-of-scope for ${scoped} rows = ${CELL_COUNT} cells`);
  });
});

describe.each(ROWS)("$kind $unit", (row) => {
  it.each(cells(row))("$label", async ({ rel, persona, expected }) => {
    const c: Cell = { w: world, rel, persona: persona as Persona };
    await signIn(row, c);
    const mark = await writeMark();
    let written: string[] = [];
    try {
      const observed = await observe(row, c);
      written = await writesSince(mark);
      const outcome = observed.outcome === "A" && expected === "0" && written.length === 0 ? "0" : observed.outcome;
      expect(outcome, observed.detail).toBe(expected);
      if (expected !== "A") expect(written, "a refused (or no-op) call writes nothing").toEqual([]);
    } finally {
      if (written.length > 0) await restore(new Set(written.map((w) => w.split(" ")[1]!)));
    }
  });
});
