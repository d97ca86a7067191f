/**
 * In-process XLSX export memory probe (decision 047): XLSX_ROWS synthetic rows (batches of XLSX_BATCH) through
 * exportFile, read as fast as possible (or with READ_DELAY_MS between chunks), XLSX_REPS times, sampling
 * process.memoryUsage() and VmRSS every 10 ms; peak growth per repeat. No database, no HTTP (bench/export.ts).
 *
 *   XLSX_ROWS=300000 node --conditions=react-server --import tsx bench/xlsx-memory.ts
 *
 * Probes (each slows the export): --expose-gc (arrayBuffers still alive after a full collection every 500 ms),
 * PROBE_ALLOC=1 (Buffers not yet collected, by allocator and size), PROBE_LIFE=1 (see below); --trace-gc for GCs.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ExportBatch, ExportRow } from "@/lib/server/exports/export-rows";
import type { ExportPlan } from "@/lib/server/exports/plan-export";

const ROWS = Number(process.env.XLSX_ROWS ?? 300_000);
const REPS = Number(process.env.XLSX_REPS ?? 3);
const DELAY = Number(process.env.READ_DELAY_MS ?? 0);
const MB = 2 ** 20;
const BATCH = Number(process.env.XLSX_BATCH ?? 500);
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;

async function* rows(n: number): AsyncGenerator<ExportBatch> {
  const day0 = Date.parse("2025-03-01T00:00:00Z");
  for (let sent = 0; sent < n; ) {
    const batch: ExportRow[] = [];
    for (let i = 0; i < BATCH && sent < n; i++, sent++) {
      const s = sent % 50_000;
      const amount = String(1000 + (s % 997));
      batch.push([s, day0 + s * 1728, "capture", `psp-2025-03-01-${s}`, `order-${s}`, amount, "NOK", "0", amount, "NO:123456", null, null, null]);
    }
    yield { ledgerDate: "2025-03-01", topic: "funds", open: false, rows: batch };
  }
}

// PROBE_ALLOC=1: bytes of Buffer.alloc/allocUnsafe/concat not yet collected, by who allocated them (by size).
const uncollected = new Map<string, number>();
const peakUncollected = new Map<string, number>();
if (process.env.PROBE_ALLOC) {
  const registry = new FinalizationRegistry<[string, number]>(([k, n]) => uncollected.set(k, (uncollected.get(k) ?? 0) - n));
  const track = <A extends unknown[]>(name: string, f: (...a: A) => Buffer) =>
    function (this: unknown, ...a: A): Buffer {
      const b = f.apply(this, a);
      const k = `${name}:${b.buffer.byteLength === b.byteLength ? b.byteLength : `slice-of-${b.buffer.byteLength}`}`;
      if (b.buffer.byteLength >= 8192) {
        uncollected.set(k, (uncollected.get(k) ?? 0) + b.buffer.byteLength);
        peakUncollected.set(k, Math.max(peakUncollected.get(k) ?? 0, uncollected.get(k)!));
        registry.register(b.buffer, [k, b.buffer.byteLength]);
      }
      return b;
    };
  Buffer.alloc = track("alloc", Buffer.alloc.bind(Buffer)) as typeof Buffer.alloc;
  Buffer.allocUnsafe = track("allocUnsafe", Buffer.allocUnsafe.bind(Buffer)) as typeof Buffer.allocUnsafe;
  Buffer.concat = track("concat", Buffer.concat.bind(Buffer)) as typeof Buffer.concat;
}

// PROBE_LIFE=1: how many young-generation collections each sheet-XML buffer (exceljs allocates them with
// Buffer.alloc, 64 kB each) lives through before zlib has consumed it (two or more: promoted to the old
// generation, freed only by a full collection).
const lives = new Map<number, number>();
if (process.env.PROBE_LIFE) {
  const { PerformanceObserver, constants } = await import("node:perf_hooks");
  const zlib = await import("node:zlib");
  let minor = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
  }).observe({ entryTypes: ["gc"] });
  const born = new WeakMap<ArrayBufferLike, number>();
  const alloc = Buffer.alloc.bind(Buffer);
  Buffer.alloc = ((size: number, ...rest: []) => {
    const b = alloc(size, ...rest);
    if (size === 65536) born.set(b.buffer, minor);
    return b;
  }) as typeof Buffer.alloc;
  let proto = zlib.DeflateRaw.prototype as unknown as Record<string, unknown>;
  while (!Object.prototype.hasOwnProperty.call(proto, "_transform")) proto = Object.getPrototypeOf(proto) as Record<string, unknown>;
  const transform = proto._transform as (this: unknown, chunk: Buffer, enc: string, cb: (e?: Error) => void) => void;
  proto._transform = function (this: unknown, chunk: Buffer, enc: string, cb: (e?: Error) => void) {
    const b = born.get(chunk.buffer);
    transform.call(this, chunk, enc, (e) => {
      if (b !== undefined) lives.set(minor - b, (lives.get(minor - b) ?? 0) + 1);
      cb(e);
    });
  };
}

async function main() {
  const { exportFile } = await import("@/lib/server/exports/export-file");
  const plan = {
    access: { ledger: { externalId: "probe", currency: "NOK" }, personalData: false },
    options: { format: "xlsx", tz: "Europe/Oslo" },
    range: { from: "2025-03-01", to: "2025-03-20" },
    columns: ["ledgerDate", "time", "topic", "entryType", "pspReference", "reference", "amount", "currency", "balanceBefore", "balanceAfter"],
  } as unknown as ExportPlan;
  for (let r = 0; r < REPS; r++) {
    const base = { ...process.memoryUsage(), rss: rss() };
    const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, rss() - base.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed - base.heapUsed);
      peak.external = Math.max(peak.external, m.external - base.external);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers - base.arrayBuffers);
    }, 10);
    // With --expose-gc: every 500 ms, arrayBuffers still alive after a full collection (the rest is garbage).
    let liveAfterGc = 0;
    const gc = (globalThis as { gc?: () => void }).gc;
    const gcTimer = gc ? setInterval(() => {
      gc();
      liveAfterGc = Math.max(liveAfterGc, process.memoryUsage().arrayBuffers - base.arrayBuffers);
    }, 500) : undefined;
    const started = performance.now();
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of exportFile(plan, new Date(0), { rows: rows(ROWS) }).stream as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      if (DELAY) await new Promise((res) => setTimeout(res, DELAY));
    }
    const s = (performance.now() - started) / 1000;
    clearInterval(timer);
    clearInterval(gcTimer);
    const f = (n: number) => `${(n / MB).toFixed(0)}`;
    console.info(
      `rep ${r + 1}: ${Math.round(ROWS / s)} rows/s (${s.toFixed(1)} s), ${(bytes / MB).toFixed(1)} MB sha ${hash.digest("hex").slice(0, 12)}; peak growth MB: rss +${f(peak.rss)} heapUsed +${f(peak.heapUsed)} external +${f(peak.external)} arrayBuffers +${f(peak.arrayBuffers)}${gc ? ` (alive after gc +${f(liveAfterGc)})` : ""}`,
    );
    if (process.env.PROBE_LIFE) {
      console.info(`young-generation collections lived through by sheet-XML buffers: ${[...lives].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}: ${n}`).join(", ")}`);
      lives.clear();
    }
    if (process.env.PROBE_ALLOC) {
      console.info([...peakUncollected].map(([k, n]) => `${k} peak ${(n / MB).toFixed(1)} MB`).join("; "));
      peakUncollected.clear();
    }
  }
}

void main();
