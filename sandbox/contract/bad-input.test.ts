/** Whatever an outside client sends, the answer is 2xx/4xx JSON, never a 5xx. */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { keys, start } from "../test-support/client";

let sb: RunningSandbox;
let headers: Record<string, string>;
beforeAll(async () => {
  sb = await start({ pageSize: 50 });
  headers = await keys(sb.url).partner("987654321");
});
afterAll(() => sb.stop());

const segment = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom("302101", "302102", "funds", "fees", "2025-06-17", "2024-13-45", "%ZZ", "%E0%A4%A", "..", "%2F", "0000-00-00", "9999-12-31"),
);
const query = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 40 }).map((s) => `?cursor=${encodeURIComponent(s)}`),
  fc.constantFrom("?cursor=%ZZ", "?cursor=", "?cursor=a&cursor=b", "?includeGDPRSensitiveData=maybe", "?includeGDPRSensitiveData=TRUE", "?settlesForRecipientHandles=%E0%A4%A", "?sandboxFault=", "?sandboxFault=latency:abc"),
);

async function status(path: string): Promise<{ status: number; type: string | null }> {
  const res = await fetch(sb.url + path, { headers });
  await res.arrayBuffer();
  return { status: res.status, type: res.headers.get("content-type") };
}

describe("bad input", () => {
  it("never gets a 5xx on the dates, feed and ledgers routes", async () => {
    await fc.assert(
      fc.asyncProperty(segment, segment, segment, query, async (ledgerId, topic, date, q) => {
        for (const path of [`/report/v2/ledgers/${ledgerId}/${topic}/dates/${date}${q}`, `/report/v2/ledgers/${ledgerId}/${topic}/feed${q}`, `/settlement/v1/ledgers${q}`]) {
          const r = await status(path);
          expect(r.status, path).toBeLessThan(500);
          expect(r.type, path).toMatch(/json/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
