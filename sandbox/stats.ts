/**
 * Request counting, so tests and benchmarks can assert what a client really fetched ("this date was fetched
 * once", "the second view came from cache"). Every request is counted when it arrives, before any fault.
 */

export type StatsKind = "token" | "ledgers" | "dates" | "feed" | "credentials" | "stats" | "admin" | "health" | "unknown";

export interface RequestFacts {
  kind: StatsKind;
  clientId?: string;
  ledgerId?: string;
  topic?: string;
  date?: string;
  /** A dates/feed request without a cursor: the start of reading a date or a feed. */
  firstPage?: boolean;
}

export interface StatsSnapshot {
  total: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byClientId: Record<string, number>;
  /** Report reads (dates and feed) per ledger. */
  byLedger: Record<string, number>;
  /** Requests per `ledgerId/topic/YYYY-MM-DD`, every page counted. */
  dates: Record<string, number>;
  /** Requests per `ledgerId/topic/YYYY-MM-DD` without a cursor: how many times a date was (re)read. */
  dateFirstPages: Record<string, number>;
  /** Requests per `ledgerId/topic` feed. */
  feeds: Record<string, number>;
  /** Faults injected, per kind. */
  faults: Record<string, number>;
}

const bump = (map: Record<string, number>, key: string): void => {
  map[key] = (map[key] ?? 0) + 1;
};

export class Stats {
  private s: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { total: 0, byKind: {}, byStatus: {}, byClientId: {}, byLedger: {}, dates: {}, dateFirstPages: {}, feeds: {}, faults: {} };
  }

  record(f: RequestFacts): void {
    const s = this.s;
    s.total++;
    bump(s.byKind, f.kind);
    if (f.clientId) bump(s.byClientId, f.clientId);
    if ((f.kind === "dates" || f.kind === "feed") && f.ledgerId) bump(s.byLedger, f.ledgerId);
    if (f.kind === "dates" && f.ledgerId && f.topic && f.date) {
      const key = `${f.ledgerId}/${f.topic}/${f.date}`;
      bump(s.dates, key);
      if (f.firstPage) bump(s.dateFirstPages, key);
    }
    if (f.kind === "feed" && f.ledgerId && f.topic) bump(s.feeds, `${f.ledgerId}/${f.topic}`);
  }

  /** The outcome: an HTTP status, or "dropped" / "truncated-body" when no whole response was sent. */
  outcome(status: number | "dropped" | "truncated-body"): void {
    bump(this.s.byStatus, String(status));
  }

  fault(kind: string): void {
    bump(this.s.faults, kind);
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = Stats.empty();
  }
}
