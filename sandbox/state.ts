/**
 * Everything the sandbox remembers while it runs: upstream grants, drift, partner status, volume, tokens,
 * faults, statistics and the generated ledgers (made lazily, one ledger at a time, and cached).
 */

import { GRANTS, MERCHANTS, PARTNERS, findLedger, type WorldPartner } from "../lib/demo-world/world";
import { dateInZone, isValidDate } from "./calendar";
import { FaultSwitch, type FaultConfigInput } from "./faults";
import { generateLedger, profileForLedgerId, type GeneratedLedger } from "./generate";
import { readableLedgers, type Drift, type LedgerGrant } from "./scopes";
import { Stats } from "./stats";
import { MERCHANT_TOKEN_SECONDS, PARTNER_TOKEN_SECONDS, TokenStore, type TokenSubject } from "./tokens";

export interface StateOptions {
  seed: string;
  /**
   * Fixed "today" (YYYY-MM-DD) for every ledger; otherwise the current date in each ledger's own zone (Oslo,
   * Copenhagen, Helsinki), re-read on every request.
   */
  today?: string;
  /** The clock (milliseconds since the epoch), for tests at a moment the zones disagree on the date. */
  now?: () => number;
  closedDays: number;
  pageSize: number;
  ledgerPageSize: number;
  tokenSeconds: { merchant: number; partner: number };
  faults?: FaultConfigInput;
  volume?: Record<string, number>;
  /** The 2023 spec's reading of 404: yesterday's and today's dates answer 404 "not available yet" (the switch). */
  notYetAvailable404?: boolean;
}

export const DEFAULT_SEED = "vipps-report-sandbox";

export class UnknownIdError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`Unknown ${field}: ${value}`);
  }
}

function initialGrants(): Map<string, LedgerGrant[]> {
  const grants = new Map<string, LedgerGrant[]>();
  for (const p of PARTNERS) grants.set(p.orgNo, []);
  for (const g of GRANTS) {
    const partner = PARTNERS.find((p) => p.slug === g.partnerSlug);
    if (!partner) throw new Error(`world.ts: grant names unknown partner ${g.partnerSlug}`);
    grants.get(partner.orgNo)?.push({ ledgerId: g.ledgerId, includesPersonalData: g.includesPersonalData });
  }
  return grants;
}

export class SandboxState {
  readonly tokens = new TokenStore();
  readonly stats = new Stats();
  readonly faults: FaultSwitch;
  grants = initialGrants();
  drift = new Map<string, Drift>();
  partnerStatus = new Map<string, WorldPartner["status"]>(PARTNERS.map((p) => [p.orgNo, p.status]));
  /** Ledger id → target number of captures over the served window (the volume switch). */
  volume = new Map<string, number>();
  /** See StateOptions.notYetAvailable404; flipped by PUT /sandbox/admin/not-yet-available. */
  notYetAvailable404: boolean;
  private readonly cache = new Map<string, { key: string; ledger: GeneratedLedger }>();

  constructor(readonly options: StateOptions) {
    if (options.today !== undefined && !isValidDate(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
    this.faults = new FaultSwitch(options.seed, options.faults);
    this.notYetAvailable404 = options.notYetAvailable404 ?? false;
    if (options.volume) this.setVolume(options.volume);
  }

  /**
   * The open ledger date of one ledger: "today" in its merchant's country, as upstream closes each ledger at
   * its own midnight (decision 039). Without a ledger (the health check, the start-up line): Oslo's date.
   */
  today(ledgerId?: string): string {
    if (this.options.today !== undefined) return this.options.today;
    const zone = (ledgerId === undefined ? undefined : profileForLedgerId(ledgerId)?.timeZone) ?? "Europe/Oslo";
    return dateInZone(zone, (this.options.now ?? Date.now)());
  }

  /** The generated ledger as of today, or undefined for an id the world does not have. */
  ledger(ledgerId: string): GeneratedLedger | undefined {
    const today = this.today(ledgerId);
    const volume = this.volume.get(ledgerId);
    const key = `${today}|${volume ?? ""}`;
    const hit = this.cache.get(ledgerId);
    if (hit?.key === key) return hit.ledger;
    const days = this.options.closedDays;
    const profile = profileForLedgerId(ledgerId, volume === undefined ? undefined : Math.ceil(volume / days));
    if (!profile) return undefined;
    const ledger = generateLedger(profile, { seed: this.options.seed, today, closedDays: days });
    this.cache.set(ledgerId, { key, ledger });
    return ledger;
  }

  readable(subject: TokenSubject): Map<string, { personalData: boolean }> {
    return readableLedgers(subject, this);
  }

  tokenSeconds(kind: TokenSubject["kind"]): number {
    return this.options.tokenSeconds[kind];
  }

  // --- switches pushed by the portal or by tests -------------------------------------------------------

  /**
   * Replaces a partner's upstream grants (idempotent). Partners the demo world does not know are accepted:
   * the portal may approve partners of its own; they have no demo keys, so their grants are only stored.
   * Unknown ledger ids are refused: a push naming one is a bug in the pusher (e.g. an internal id).
   */
  setGrants(partnerOrgNo: string, ledgers: LedgerGrant[]): LedgerGrant[] {
    const byId = new Map<string, LedgerGrant>();
    for (const l of ledgers) {
      this.requireLedger(l.ledgerId);
      byId.set(l.ledgerId, { ledgerId: l.ledgerId, includesPersonalData: l.includesPersonalData });
    }
    const list = [...byId.values()].sort((a, b) => a.ledgerId.localeCompare(b.ledgerId));
    this.grants.set(partnerOrgNo, list);
    return list;
  }

  setDrift(partnerOrgNo: string, drift: Drift): Drift {
    this.requirePartner(partnerOrgNo);
    for (const id of [...drift.extraLedgerIds, ...drift.missingLedgerIds]) this.requireLedger(id);
    const clean = { extraLedgerIds: [...new Set(drift.extraLedgerIds)].sort(), missingLedgerIds: [...new Set(drift.missingLedgerIds)].sort() };
    if (clean.extraLedgerIds.length === 0 && clean.missingLedgerIds.length === 0) this.drift.delete(partnerOrgNo);
    else this.drift.set(partnerOrgNo, clean);
    return clean;
  }

  setPartnerStatus(partnerOrgNo: string, status: WorldPartner["status"]): void {
    this.requirePartner(partnerOrgNo);
    this.partnerStatus.set(partnerOrgNo, status);
  }

  /**
   * Replaces the volume overrides: ledger id → about how many captures the ledger has over the window.
   * Large ledgers are generated here (about 0.5 s per 100,000 captures), not on the first read, which a
   * client with a short timeout would otherwise see time out.
   */
  setVolume(volume: Record<string, number>): Record<string, number> {
    for (const id of Object.keys(volume)) this.requireLedger(id);
    this.volume = new Map(Object.entries(volume));
    for (const id of this.volume.keys()) this.ledger(id);
    return Object.fromEntries(this.volume);
  }

  /** Generates every ledger ahead of the first read, one per event-loop turn so requests are not held up. */
  warmUp(): void {
    const ids = MERCHANTS.flatMap((m) => m.ledgers.map((l) => l.ledgerId));
    const next = (): void => {
      const id = ids.shift();
      if (id === undefined) return;
      this.ledger(id);
      setTimeout(next, 0).unref();
    };
    setTimeout(next, 0).unref();
  }

  /** Back to the state at start: initial grants, no drift, world statuses, configured volume and faults. */
  reset(): void {
    this.grants = initialGrants();
    this.drift.clear();
    this.partnerStatus = new Map(PARTNERS.map((p) => [p.orgNo, p.status]));
    this.setVolume(this.options.volume ?? {});
    if (this.options.faults) this.faults.set(this.options.faults);
    else this.faults.clear();
    this.notYetAvailable404 = this.options.notYetAvailable404 ?? false;
    this.tokens.clear();
    this.stats.reset();
  }

  // --- views --------------------------------------------------------------------------------------------

  /** World partners first, then partners only the portal knows (name null, no keys, so no status upstream). */
  grantsView(): { partnerOrgNo: string; name: string | null; status: WorldPartner["status"] | null; ledgers: LedgerGrant[] }[] {
    const world = PARTNERS.map((p) => ({ partnerOrgNo: p.orgNo, name: p.name as string | null, status: this.partnerStatus.get(p.orgNo) ?? p.status, ledgers: this.grants.get(p.orgNo) ?? [] }));
    const others = [...this.grants].filter(([orgNo]) => !PARTNERS.some((p) => p.orgNo === orgNo)).map(([orgNo, ledgers]) => ({ partnerOrgNo: orgNo, name: null, status: null, ledgers }));
    return [...world, ...others];
  }

  /** The demo keys, in the shape `sandbox/README.md` documents ("The keys"). */
  credentials(): {
    merchants: { msn: string; clientId: string; clientSecret: string; subscriptionKey: string; ledgerId: string; ledgerSalesUnitCount: number }[];
    partners: { name: string; orgNo: string; status: WorldPartner["status"]; note?: string; clientId: string; clientSecret: string; grantedLedgerIds: string[] }[];
  } {
    const merchants = MERCHANTS.flatMap((m) =>
      m.salesUnits.flatMap((u) => {
        const ledger = m.ledgers.find((l) => l.salesUnitMsns.includes(u.msn));
        // VM sales units have no API keys (upstream neither): nothing to list.
        if (!ledger || !u.keys) return [];
        return [{ msn: u.msn, clientId: u.keys.clientId, clientSecret: u.keys.clientSecret, subscriptionKey: u.keys.subscriptionKey, ledgerId: ledger.ledgerId, ledgerSalesUnitCount: ledger.salesUnitMsns.length }];
      }),
    );
    const partners = PARTNERS.flatMap((p) =>
      p.keys
        ? [
            {
              name: p.name,
              orgNo: p.orgNo,
              status: this.partnerStatus.get(p.orgNo) ?? p.status,
              // A suspended partner's keys are listed (they exist) but marked: the token endpoint refuses them.
              ...((this.partnerStatus.get(p.orgNo) ?? p.status) === "suspended" ? { note: "suspended: these keys are refused with invalid_client until the partner is re-activated" } : {}),
              clientId: p.keys.clientId,
              clientSecret: p.keys.clientSecret,
              grantedLedgerIds: (this.grants.get(p.orgNo) ?? []).map((g) => g.ledgerId),
            },
          ]
        : [],
    );
    return { merchants, partners };
  }

  private requirePartner(orgNo: string): void {
    if (!PARTNERS.some((p) => p.orgNo === orgNo)) throw new UnknownIdError("partnerOrgNo", orgNo);
  }

  private requireLedger(ledgerId: string): void {
    if (!findLedger(ledgerId)) throw new UnknownIdError("ledgerId", ledgerId);
  }
}

export const DEFAULT_TOKEN_SECONDS = { merchant: MERCHANT_TOKEN_SECONDS, partner: PARTNER_TOKEN_SECONDS };
