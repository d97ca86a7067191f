/**
 * The fault switch. Rules come from SANDBOX_FAULTS, from PUT /sandbox/admin/faults, or for a single request
 * from the `sandboxFault` query parameter. A rule fires on the next `count` matching requests, or with a
 * `probability` on each (both: up to `count` times, each with that probability). `skip` lets that many matching
 * requests through first ("drop the connection after three feed pages").
 */

import { z } from "zod";
import { makeRng } from "./rng";

export const FAULT_KINDS = ["latency", "429", "500", "drop", "truncate-page", "truncate-body", "expire-token", "bad-entry"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultRoutes = "token" | "report" | "all";
/** The routes a request belongs to, for matching rules; admin and info routes never see faults. */
export type RouteKind = "token" | "ledgers" | "dates" | "feed";

export const faultRuleSchema = z
  .object({
    kind: z.enum(FAULT_KINDS),
    /** token = both token endpoints; report = ledgers, dates and feed; all = both. */
    routes: z.enum(["token", "report", "all"]).default("report"),
    probability: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
    /** Matching requests to let through before the rule starts firing. */
    skip: z.number().int().min(0).optional(),
    /** For "latency": how long to hold the request before answering. */
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** For "429": the Retry-After header in seconds. */
    retryAfterSeconds: z.number().int().min(0).max(3_600).optional(),
  })
  .strict()
  .refine((r) => r.probability !== undefined || r.count !== undefined, { message: "a rule needs probability or count" });

export const faultConfigSchema = z.object({ rules: z.array(faultRuleSchema).max(50) }).strict();
/** Env and admin body: `{ "rules": [...] }` or just the array. */
export const faultConfigInputSchema = z.union([faultConfigSchema, z.array(faultRuleSchema).max(50).transform((rules) => ({ rules }))]);

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultConfigInput = z.input<typeof faultConfigInputSchema>;
type FaultRule = z.output<typeof faultRuleSchema>;

export interface ActiveRule extends FaultRule {
  /** Left of `count`; null when the rule has no count. */
  remaining: number | null;
  /** Left of `skip`. */
  skipping: number;
  fired: number;
}

export type FaultAction = Exclude<FaultKind, "latency">;

export interface FaultDecision {
  latencyMs: number;
  action?: FaultAction;
  retryAfterSeconds: number;
}

function applies(kind: FaultKind, route: RouteKind, hasBearer: boolean): boolean {
  if (kind === "truncate-page" || kind === "bad-entry") return route === "dates" || route === "feed";
  if (kind === "expire-token") return route === "token" || hasBearer;
  return true;
}

function inGroup(routes: FaultRoutes, route: RouteKind): boolean {
  return routes === "all" || (routes === "token") === (route === "token");
}

/** Parses `?sandboxFault=429`, `latency:1500`, `429:5` (Retry-After 5), or several joined by commas. */
export function parseFaultParam(text: string): { kind: FaultKind; value?: number }[] | undefined {
  const out: { kind: FaultKind; value?: number }[] = [];
  for (const part of text.split(",")) {
    const [name, value, ...extra] = part.trim().split(":");
    if (extra.length > 0 || !FAULT_KINDS.includes(name as FaultKind)) return undefined;
    if (value !== undefined && !/^\d{1,6}$/.test(value)) return undefined;
    out.push(value === undefined ? { kind: name as FaultKind } : { kind: name as FaultKind, value: Number(value) });
  }
  return out.length > 0 ? out : undefined;
}

export class FaultSwitch {
  private rules: ActiveRule[] = [];
  private readonly random: () => number;

  constructor(seed: string, initial?: FaultConfigInput) {
    this.random = makeRng(seed, "faults").next;
    if (initial) this.set(initial);
  }

  /** Replaces all rules; throws a ZodError on a bad config. */
  set(input: FaultConfigInput): ActiveRule[] {
    const { rules } = faultConfigInputSchema.parse(input);
    this.rules = rules.map((r) => ({ ...r, remaining: r.count ?? null, skipping: r.skip ?? 0, fired: 0 }));
    return this.list();
  }

  list(): ActiveRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  decide(route: RouteKind, hasBearer: boolean, fromQuery: { kind: FaultKind; value?: number }[] = []): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, retryAfterSeconds: 1 };
    const take = (kind: FaultKind, value: number | undefined): void => {
      if (kind === "latency") decision.latencyMs += value ?? 1_000;
      else if (!decision.action) {
        decision.action = kind;
        if (kind === "429" && value !== undefined) decision.retryAfterSeconds = value;
      }
    };
    for (const q of fromQuery) if (applies(q.kind, route, hasBearer)) take(q.kind, q.value);
    for (const rule of this.rules) {
      if (!inGroup(rule.routes, route) || !applies(rule.kind, route, hasBearer)) continue;
      if (rule.kind !== "latency" && decision.action) continue; // do not use up a count that could not fire
      if (rule.remaining === 0) continue;
      if (rule.skipping > 0) {
        rule.skipping--;
        continue;
      }
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.remaining !== null) rule.remaining--;
      rule.fired++;
      take(rule.kind, rule.kind === "latency" ? rule.latencyMs : rule.retryAfterSeconds);
    }
    return decision;
  }
}
