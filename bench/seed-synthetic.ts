/**
 * Fills the database at DATABASE_URL with the demo world plus the synthetic size of issue 14:
 * 10,004 merchants, 50,003 grants, 4,809 active grants for one partner firm (Tall & Balanse, the demo partner
 * whose owner per@tallbalanse.example can sign in), in a few seconds through SQL generate_series
 * (bench/synthetic-world.ts). On top, so the merchant-side lists have size too: Fjord Kaffe's ledger 302103
 * granted to 200 synthetic partners, 2,000 pending requests to Fjord Kaffe, 5,000 access-log events on its
 * ledger, 2,000 notifications each for kari@fjordkaffe.example and per@tallbalanse.example, 300
 * accountants at Tall & Balanse, 2,000 requests from Tall & Balanse, 200 grants waiting for approval on 302102
 * and 200 ending within 44 days on 302101.
 *
 *   DATABASE_URL=postgres://… node --conditions=react-server --import tsx bench/seed-synthetic.ts
 *
 * The database must be migrated (npm run db:migrate). Idempotent: when synthetic rows already exist it
 * changes nothing and prints the counts. CREDENTIALS_ENCRYPTION_KEY (base64, as for `npm start`) stores the
 * demo Report API keys with the demo world; without it the demo world is seeded without keys.
 */
import pg from "pg";
import { createDb } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { countSyntheticWorld, hasSyntheticWorld, insertSyntheticWorld, type SyntheticShape } from "./synthetic-world";

const FIRM = "tall-og-balanse";

/** The issue-14 size. Demo world: 4 merchants, 3 grants (2 active for Tall & Balanse). */
export const ISSUE_14_SHAPE: SyntheticShape = {
  merchants: 10_000,
  partners: 200,
  firms: [{ slug: FIRM, grants: 4_807 }],
  merchantGrants: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302103", grants: 200 },
  otherGrants: 50_000 - 4_807 - 200,
  merchantRequests: { merchantSlug: "fjord-kaffe", requests: 2_000 },
  accessEvents: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302103", events: 5_000 },
  notifications: { emails: ["kari@fjordkaffe.example", "per@tallbalanse.example"], each: 2_000 },
  partnerStaff: { partnerSlug: FIRM, staff: 300 },
  // So the remaining lists have size too (issue 14, second pass): the firm's own requests, a queue of approvals
  // and a list of renewals at Fjord Kaffe.
  partnerRequests: { partnerSlug: FIRM, requests: 2_000 },
  pendingApprovals: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302102", grants: 200 },
  endingGrants: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302101", grants: 200 },
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the (migrated) database to fill.");
  const started = Date.now();
  const key = process.env.CREDENTIALS_ENCRYPTION_KEY;
  const prisma = createDb(url);
  try {
    await seedDemoWorld(prisma, { encryptionKey: key ? Buffer.from(key, "base64") : Buffer.alloc(32), withDemoKeys: Boolean(key) });
  } finally {
    await prisma.$disconnect();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await hasSyntheticWorld(client)) {
      console.log("[seed-synthetic] Synthetic rows are already there; nothing changed.");
    } else {
      await insertSyntheticWorld(client, ISSUE_14_SHAPE);
    }
    const counts = await countSyntheticWorld(client, [FIRM]);
    console.log(
      `[seed-synthetic] ${counts.merchants} merchants, ${counts.grants} grants, ${counts.activeGrantsByFirm[FIRM] ?? 0} active grants for ${FIRM} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
