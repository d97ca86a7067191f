import "server-only";
import { db } from "@/lib/server/db";

/**
 * The rows of "LedgerGrantStatusCount" (decision 041): triggers on LedgerGrant add a signed row per grant change in
 * the change's own transaction, so the sum by key is exact at every moment. This folds them into one row per key;
 * the sum is unchanged by construction. Safe beside writers and beside another run: the DELETE takes only the
 * rows its snapshot sees (a row a concurrent change inserts is neither deleted nor counted twice), and a second run
 * waits on the rows the first deleted, then skips them. Returns how many rows were folded.
 */
export async function compactGrantStatusCounts(): Promise<number> {
  const [row] = await db.$queryRaw<{ folded: number }[]>`
    WITH gone AS (DELETE FROM "LedgerGrantStatusCount" RETURNING "status", "validUntil", "n"),
      kept AS (
        INSERT INTO "LedgerGrantStatusCount" ("status", "validUntil", "n")
        SELECT "status", "validUntil", sum("n")::int FROM gone GROUP BY 1, 2 HAVING sum("n") <> 0
        RETURNING 1)
    SELECT ((SELECT count(*) FROM gone) - (SELECT count(*) FROM kept))::int AS folded`;
  return row?.folded ?? 0;
}
