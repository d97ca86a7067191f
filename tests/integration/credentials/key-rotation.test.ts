import { createCipheriv, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { encryptSecret, keyIdOf, keyRing, type KeyRing } from "@/lib/server/crypto/secret-box";
import { loadPartnerCredentials, loadSalesUnitCredentials } from "@/lib/server/credentials/load-credentials";
import { rotateCredentialKeys } from "@/lib/server/credentials/rotate-credential-keys";
import { openSecret, type SecretSlot } from "@/lib/server/credentials/secret-fields";
import { TEST_KEY, ensureDemoWorld } from "@/tests/support/test-db";

/**
 * Rotating CREDENTIALS_ENCRYPTION_KEY without downtime (decision 016): the app runs with the new key current and
 * the old one in CREDENTIALS_ENCRYPTION_KEY_PREVIOUS while `npm run keys:rotate` rewrites the seeded rows, some
 * still in the format from before key ids. Every read during the rotation must succeed with the right secret.
 */
const NEW_KEY = randomBytes(32);
const oldEnv = { current: process.env.CREDENTIALS_ENCRYPTION_KEY, previous: process.env.CREDENTIALS_ENCRYPTION_KEY_PREVIOUS };
// The app as deployed for the rotation: the new key seals, the old one still opens. Set before anything reads
// the configuration (it is parsed once, on first use).
process.env.CREDENTIALS_ENCRYPTION_KEY = NEW_KEY.toString("base64");
process.env.CREDENTIALS_ENCRYPTION_KEY_PREVIOUS = TEST_KEY.toString("base64");

type Row = { id: string; kind: "merchant" | "partner"; salesUnitId: string | null; partnerId: string | null; clientSecretEnc: string; subscriptionKeyEnc: string | null };
const rows = () => db.apiCredential.findMany({ orderBy: { id: "asc" }, select: { id: true, kind: true, salesUnitId: true, partnerId: true, clientSecretEnc: true, subscriptionKeyEnc: true } });

const clientSlot = (r: Row): SecretSlot => (r.kind === "partner" ? { owner: "partner", partnerId: r.partnerId!, field: "clientSecret" } : { owner: "sales-unit", salesUnitId: r.salesUnitId!, field: "clientSecret" });
const subSlot = (r: Row): SecretSlot => ({ owner: "sales-unit", salesUnitId: r.salesUnitId!, field: "subscriptionKey" });

function plainOf(r: Row, ring: KeyRing) {
  return { clientSecret: openSecret(r.clientSecretEnc, clientSlot(r), ring), subscriptionKey: r.subscriptionKeyEnc ? openSecret(r.subscriptionKeyEnc, subSlot(r), ring) : null };
}

/** The format written before key ids, as rows sealed then still hold. */
function sealV1(plain: string, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

async function readAll(list: Row[]) {
  return Promise.all(
    list.map(async (r) => {
      const loaded = r.kind === "partner" ? await loadPartnerCredentials(r.partnerId!) : await loadSalesUnitCredentials(r.salesUnitId!);
      if (!loaded) return null;
      const c = loaded.credentials;
      return { clientSecret: c.clientSecret, subscriptionKey: c.kind === "merchant" ? c.subscriptionKey : null };
    }),
  );
}

describe("re-encrypting stored keys under a new key (npm run keys:rotate)", () => {
  const oldRing = keyRing(TEST_KEY);
  let before: Row[];
  let plain: ReturnType<typeof plainOf>[];

  beforeAll(async () => {
    await ensureDemoWorld();
    before = await rows();
    plain = before.map((r) => plainOf(r, oldRing));
    // Two rows as written before key ids existed: the rotation must read and rewrite those too.
    for (const r of before.filter((x) => x.kind === "merchant").slice(0, 2)) {
      await db.apiCredential.update({
        where: { id: r.id },
        data: { clientSecretEnc: sealV1(plainOf(r, oldRing).clientSecret, TEST_KEY, `sales-unit:${r.salesUnitId}:clientSecret`) },
      });
    }
  });

  afterAll(async () => {
    // Other test files share this database and read it with the test key: seal everything with it again.
    await rotateCredentialKeys(db, { ring: keyRing(TEST_KEY, [NEW_KEY]) });
    process.env.CREDENTIALS_ENCRYPTION_KEY = oldEnv.current;
    if (oldEnv.previous === undefined) delete process.env.CREDENTIALS_ENCRYPTION_KEY_PREVIOUS;
    else process.env.CREDENTIALS_ENCRYPTION_KEY_PREVIOUS = oldEnv.previous;
  });

  it("rewrites every row in small batches while reads go on and return the same secrets", async () => {
    expect(before.length).toBeGreaterThan(4);
    const expected = plain;
    const readsDuring: Awaited<ReturnType<typeof readAll>>[] = [];
    const summary = await rotateCredentialKeys(db, {
      ring: keyRing(NEW_KEY, [TEST_KEY]),
      batchSize: 2,
      // Between batches (some rows rewritten, others not yet) the app reads every credential.
      onBatch: async () => void readsDuring.push(await readAll(before)),
    });
    expect(summary).toMatchObject({ keyId: keyIdOf(NEW_KEY), rewritten: before.length, changedMeanwhile: 0, unreadable: [] });
    expect(readsDuring.length).toBeGreaterThanOrEqual(Math.ceil(before.length / 2));
    for (const reads of readsDuring) expect(reads).toEqual(expected);

    const after = await rows();
    for (const r of after) {
      expect(r.clientSecretEnc).toMatch(new RegExp(`^v2:${keyIdOf(NEW_KEY)}:`));
      if (r.subscriptionKeyEnc) expect(r.subscriptionKeyEnc).toMatch(new RegExp(`^v2:${keyIdOf(NEW_KEY)}:`));
    }
    // The old key can now be dropped: everything opens with the new key alone, to the same secrets.
    expect(after.map((r) => plainOf(r, keyRing(NEW_KEY)))).toEqual(expected);
    expect(await readAll(after)).toEqual(expected);

    // Running it again finds nothing to do.
    expect(await rotateCredentialKeys(db, { ring: keyRing(NEW_KEY, [TEST_KEY]) })).toMatchObject({ rewritten: 0, unreadable: [] });
  });

  it("leaves a row that opens with no configured key untouched and names it", async () => {
    const [victim] = (await rows()).filter((r) => r.kind === "partner");
    const foreign = encryptSecret("lost", randomBytes(32), `partner:${victim!.partnerId}:clientSecret`);
    await db.apiCredential.update({ where: { id: victim!.id }, data: { clientSecretEnc: foreign } });
    try {
      const summary = await rotateCredentialKeys(db, { ring: keyRing(NEW_KEY, [TEST_KEY]) });
      expect(summary.unreadable).toEqual([victim!.id]);
      expect((await db.apiCredential.findUniqueOrThrow({ where: { id: victim!.id } })).clientSecretEnc).toBe(foreign);
    } finally {
      await db.apiCredential.update({ where: { id: victim!.id }, data: { clientSecretEnc: victim!.clientSecretEnc } });
    }
  });

  it("refuses a ciphertext with a malformed key id (database CHECK)", async () => {
    const [r] = await rows();
    await expect(db.apiCredential.update({ where: { id: r!.id }, data: { clientSecretEnc: "v2:not-a-key-id:a:b:c" } })).rejects.toThrow(/ApiCredential_secret_is_ciphertext/);
  });
});
