import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { pushAllGrantsToSandbox } from "@/lib/server/sandbox-sync/push-grants-to-sandbox";
import { TEST_KEY } from "@/tests/support/test-db";

/**
 * The world the authorization matrix runs in: the demo world (seeded into the matrix's own database) plus
 * what the demo world lacks for a full matrix: staff at the suspended partner (Bokholderiet, given an active
 * grant by Fjord Kaffe so a suspension is what refuses it, not a missing grant), accountants at two other
 * firms, and one pending grant, one ending grant, one open request and one notification per side.
 *
 * "own" is the persona's tenant (Fjord Kaffe for the merchant staff; the persona's firm on the partner side),
 * "other" another tenant's (Nordlys Sport's; for partners a ledger or client granted to another firm), and
 * "scope" the own tenant's but outside a manager's sales units (Bryggen: 212003 and its joint ledger 302103) or
 * an accountant's assigned clients (Nordlys Sport, a client of Tall & Balanse that Anne is not assigned to).
 */
export const PERSONAS = ["signedOut", "merchantAdmin", "merchantManager", "merchantViewer", "partnerOwner", "partnerAccountant", "platformAdmin", "suspendedOwner"] as const;
export type Persona = (typeof PERSONAS)[number];
export type Relation = "own" | "other" | "scope";

export const EMAILS: Record<Exclude<Persona, "signedOut">, string> = {
  merchantAdmin: "ola@fjordkaffe.example",
  merchantManager: "mona@fjordkaffe.example",
  merchantViewer: "vera@fjordkaffe.example",
  partnerOwner: "per@tallbalanse.example",
  partnerAccountant: "anne@tallbalanse.example",
  platformAdmin: "admin@portal.example",
  suspendedOwner: "sigrid@bokholderiet.example",
};

type Ref = { id: string };
type LedgerRef = { id: string; externalId: string };
type UnitRef = { id: string; msn: string };

export interface MatrixWorld {
  merchants: Record<"fjord" | "nordlys" | "hygge" | "sauna", Ref>;
  partners: Record<"tallBalanse" | "konto" | "kirjanpito" | "bokholderiet" | "regnskapshjelpen", Ref>;
  units: Record<"fjordGruner" | "fjordWeb" | "fjordBryggen" | "nordlys" | "hygge", UnitRef>;
  ledgers: Record<"fjordGruner" | "fjordWeb" | "fjordBryggen" | "nordlys" | "hygge", LedgerRef>;
  users: Record<Exclude<Persona, "signedOut"> | "kari" | "nils", Ref>;
  /** Partner-side tenant of each persona (Tall & Balanse for non-partner personas: they are refused before it matters). */
  partnerOf: Record<Persona, Ref>;
  grants: Record<"fjordToTallBalanse" | "nordlysToTallBalanse" | "pendingFjord" | "pendingNordlys" | "endingFjord" | "endingNordlys" | "bryggen" | "pendingBryggen", Ref>;
  requests: Record<"toFjord" | "toNordlys" | "toBryggen" | "byTallBalanse" | "byKonto" | "byBokholderiet", Ref>;
  accountants: Record<"tallBalanse" | "konto" | "bokholderiet", Ref>;
  notifications: Record<Exclude<Persona, "signedOut"> | "nils", Ref>;
  /** P4 export receipts: Tall & Balanse's of Fjord's (Grünerløkka's and Bryggen's joint) and Nordlys' ledgers, Konto's of Hygge's. */
  receipts: Record<"tallBalanseFjord" | "tallBalanseBryggen" | "tallBalanseNordlys" | "kontoHygge", Ref>;
}

const inDays = (n: number) => ledgerDateToDb(shiftLedgerDate(todayPortalDate(), n));

export async function buildMatrixWorld(): Promise<MatrixWorld> {
  await seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: true });
  const merchant = async (slug: string) => db.merchant.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const partner = async (slug: string) => db.accountingPartner.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const unit = async (msn: string) => db.salesUnit.findUniqueOrThrow({ where: { msn }, select: { id: true, msn: true } });
  const ledger = async (externalId: string) => db.ledger.findUniqueOrThrow({ where: { externalId }, select: { id: true, externalId: true } });
  const user = async (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });

  const merchants = { fjord: await merchant("fjord-kaffe"), nordlys: await merchant("nordlys-sport"), hygge: await merchant("hygge-bageri"), sauna: await merchant("sauna-oy") };
  const partners = { tallBalanse: await partner("tall-og-balanse"), konto: await partner("konto-partner"), kirjanpito: await partner("kirjanpito"), bokholderiet: await partner("bokholderiet"), regnskapshjelpen: await partner("regnskapshjelpen") };
  const units = { fjordGruner: await unit("212001"), fjordWeb: await unit("212002"), fjordBryggen: await unit("212003"), nordlys: await unit("223001"), hygge: await unit("234001") };
  const ledgers = { fjordGruner: await ledger("302101"), fjordWeb: await ledger("302102"), fjordBryggen: await ledger("302103"), nordlys: await ledger("302201"), hygge: await ledger("402301") };

  // Staff the demo world does not have: the suspended firm's owner and an accountant at each of three firms.
  const person = async (email: string, name: string) => db.user.create({ data: { email, name }, select: { id: true } });
  const sigrid = await person(EMAILS.suspendedOwner, "Sigrid Suspended");
  await db.partnerMembership.create({ data: { userId: sigrid.id, partnerId: partners.bokholderiet.id, role: "owner" } });
  const accountant = async (email: string, partnerId: string) =>
    db.partnerMembership.create({ data: { user: { create: { email, name: email } }, partner: { connect: { id: partnerId } }, role: "accountant" }, select: { id: true } });
  const anneMembership = await db.partnerMembership.findFirstOrThrow({ where: { user: { email: EMAILS.partnerAccountant } }, select: { id: true } });
  const accountants = {
    tallBalanse: anneMembership,
    konto: await accountant("karen@kontopartner.example", partners.konto.id),
    bokholderiet: await accountant("bent@bokholderiet.example", partners.bokholderiet.id),
  };

  const users = {
    merchantAdmin: await user(EMAILS.merchantAdmin),
    merchantManager: await user(EMAILS.merchantManager),
    merchantViewer: await user(EMAILS.merchantViewer),
    partnerOwner: await user(EMAILS.partnerOwner),
    partnerAccountant: await user(EMAILS.partnerAccountant),
    platformAdmin: await user(EMAILS.platformAdmin),
    suspendedOwner: sigrid,
    kari: await user("kari@fjordkaffe.example"),
    nils: await user("nils@nordlys.example"),
  };

  const grant = async (data: { merchantId: string; partnerId: string; ledgerId: string; status: "active" | "pending_approval"; validUntil: Date; grantedById: string; requiresSecondApproval?: boolean; includesPersonalData?: boolean }) =>
    db.ledgerGrant.create({ data, select: { id: true } });
  const seeded = async (merchantId: string, ledgerId: string) =>
    db.ledgerGrant.findFirstOrThrow({ where: { merchantId, ledgerId, partnerId: partners.tallBalanse.id }, select: { id: true } });
  // Bokholderiet was granted Fjord Kaffe's Grünerløkka ledger before it was suspended.
  await grant({ merchantId: merchants.fjord.id, partnerId: partners.bokholderiet.id, ledgerId: ledgers.fjordGruner.id, status: "active", validUntil: inDays(60), grantedById: users.kari.id });
  const grants = {
    fjordToTallBalanse: await seeded(merchants.fjord.id, ledgers.fjordGruner.id),
    nordlysToTallBalanse: await seeded(merchants.nordlys.id, ledgers.nordlys.id),
    pendingFjord: await grant({ merchantId: merchants.fjord.id, partnerId: partners.kirjanpito.id, ledgerId: ledgers.fjordWeb.id, status: "pending_approval", validUntil: inDays(60), grantedById: users.kari.id, requiresSecondApproval: true, includesPersonalData: true }),
    pendingNordlys: await grant({ merchantId: merchants.nordlys.id, partnerId: partners.kirjanpito.id, ledgerId: ledgers.nordlys.id, status: "pending_approval", validUntil: inDays(60), grantedById: users.nils.id, requiresSecondApproval: true, includesPersonalData: true }),
    endingFjord: await grant({ merchantId: merchants.fjord.id, partnerId: partners.konto.id, ledgerId: ledgers.fjordWeb.id, status: "active", validUntil: inDays(10), grantedById: users.kari.id }),
    endingNordlys: await grant({ merchantId: merchants.nordlys.id, partnerId: partners.konto.id, ledgerId: ledgers.nordlys.id, status: "active", validUntil: inDays(10), grantedById: users.nils.id }),
    // Outside Mona's sales units: Bryggen's joint ledger.
    bryggen: await grant({ merchantId: merchants.fjord.id, partnerId: partners.tallBalanse.id, ledgerId: ledgers.fjordBryggen.id, status: "active", validUntil: inDays(10), grantedById: users.kari.id }),
    pendingBryggen: await grant({ merchantId: merchants.fjord.id, partnerId: partners.kirjanpito.id, ledgerId: ledgers.fjordBryggen.id, status: "pending_approval", validUntil: inDays(60), grantedById: users.kari.id, requiresSecondApproval: true, includesPersonalData: true }),
  };

  // The partner's list and withdraw name a request by its submission, the merchant's pages by its row: one id for both.
  const request = async (partnerId: string, merchantId: string, salesUnitId: string, requestedById: string, id = randomUUID()) =>
    db.accessRequest.create({
      data: { id, submissionId: id, partnerId, merchantId, requestedById, purpose: "Year-end accounts for the authorization matrix", expiresAt: new Date(Date.now() + 14 * 86_400_000), salesUnits: { create: [{ salesUnitId }] } },
      select: { id: true },
    });
  const requests = {
    toFjord: await request(partners.kirjanpito.id, merchants.fjord.id, units.fjordGruner.id, users.partnerOwner.id),
    toNordlys: await request(partners.kirjanpito.id, merchants.nordlys.id, units.nordlys.id, users.partnerOwner.id),
    toBryggen: await request(partners.konto.id, merchants.fjord.id, units.fjordBryggen.id, users.partnerOwner.id),
    byTallBalanse: await request(partners.tallBalanse.id, merchants.hygge.id, units.hygge.id, users.partnerOwner.id),
    byKonto: await request(partners.konto.id, merchants.hygge.id, units.hygge.id, users.partnerOwner.id),
    byBokholderiet: await request(partners.bokholderiet.id, merchants.hygge.id, units.hygge.id, sigrid.id),
  };

  const note = async (userId: string) => db.notification.create({ data: { userId, kind: "grant.changed", title: "Matrix", body: "A notification to mark read" }, select: { id: true } });
  const notifications = {
    merchantAdmin: await note(users.merchantAdmin.id),
    merchantManager: await note(users.merchantManager.id),
    merchantViewer: await note(users.merchantViewer.id),
    partnerOwner: await note(users.partnerOwner.id),
    partnerAccountant: await note(users.partnerAccountant.id),
    platformAdmin: await note(users.platformAdmin.id),
    suspendedOwner: await note(sigrid.id),
    nils: await note(users.nils.id),
  };

  const partnerOf: Record<Persona, Ref> = {
    signedOut: partners.tallBalanse, merchantAdmin: partners.tallBalanse, merchantManager: partners.tallBalanse, merchantViewer: partners.tallBalanse,
    partnerOwner: partners.tallBalanse, partnerAccountant: partners.tallBalanse, platformAdmin: partners.tallBalanse, suspendedOwner: partners.bokholderiet,
  };
  await pushAllGrantsToSandbox(db);
  const receipts = {
    tallBalanseFjord: await exportReceipt(partners.tallBalanse.id, ledgers.fjordGruner.externalId),
    tallBalanseBryggen: await exportReceipt(partners.tallBalanse.id, ledgers.fjordBryggen.externalId),
    tallBalanseNordlys: await exportReceipt(partners.tallBalanse.id, ledgers.nordlys.externalId),
    kontoHygge: await exportReceipt(partners.konto.id, ledgers.hygge.externalId),
  };
  return { merchants, partners, units, ledgers, users, partnerOf, grants, requests, accountants, notifications, receipts };
}

/** A real export by the firm's owner (through the sandbox), so "download again" can rebuild it byte for byte. */
async function exportReceipt(partnerId: string, ledgerExternalId: string): Promise<Ref> {
  const { getPartnerLedgerAccess } = await import("@/lib/server/ledgers/access/ledger-access");
  const { exportResponse } = await import("@/lib/server/exports/export-response");
  const { exportOptionsSchema } = await import("@/lib/exports/schemas");
  const owner = await db.partnerMembership.findFirstOrThrow({ where: { partnerId, role: "owner" }, select: { userId: true, user: { select: { email: true } }, partner: { select: { name: true } } } });
  const ctx = {
    user: { id: owner.userId, email: owner.user.email, name: owner.user.email, isPlatformAdmin: false, organisations: [] },
    partnerId, partnerName: owner.partner.name, partnerStatus: "approved" as const, role: "owner" as const, clientScope: "all" as const,
  };
  const access = await getPartnerLedgerAccess(ctx, ledgerExternalId);
  if (!access) throw new Error(`matrix world: ${ledgerExternalId} is not granted`);
  let id = "";
  const options = exportOptionsSchema.parse({ from: shiftLedgerDate(todayPortalDate(), -3), to: shiftLedgerDate(todayPortalDate(), -2), format: "csv" });
  const res = await exportResponse(access, options, owner.user.email, { onReceipt: (receiptId) => (id = receiptId) });
  await res.arrayBuffer();
  if (!id) throw new Error(`matrix world: the export of ${ledgerExternalId} wrote no receipt (HTTP ${res.status})`);
  return { id };
}

/**
 * Back to the world as built, after a call that was allowed to write: rows it added to the tables the actions
 * write are deleted and the rows it changed are put back (the audit trail is append-only and only grows).
 */
export async function takeBaseline() {
  const [grants, requests, credentials, assignments, notifications, mails, partners] = await Promise.all([
    db.ledgerGrant.findMany(),
    db.accessRequest.findMany(),
    db.apiCredential.findMany(),
    db.partnerClientAssignment.findMany(),
    db.notification.findMany({ select: { id: true, readAt: true } }),
    db.outboxEmail.findMany({ select: { id: true } }),
    db.accountingPartner.findMany({ select: { id: true, status: true, approvedAt: true } }),
  ]);
  /** `written`: the tables the call wrote ("public.LedgerGrant", …); only those are put back. */
  return async function restore(written: Set<string>) {
    if (written.has("public.LedgerGrant")) {
      await db.ledgerGrant.deleteMany({ where: { id: { notIn: grants.map((g) => g.id) } } });
      for (const g of grants) await db.ledgerGrant.update({ where: { id: g.id }, data: { ...g, id: undefined } });
    }
    if (written.has("public.AccessRequest")) {
      await db.accessRequest.deleteMany({ where: { id: { notIn: requests.map((r) => r.id) } } });
      for (const r of requests) await db.accessRequest.update({ where: { id: r.id }, data: { ...r, id: undefined } });
    }
    if (written.has("public.ApiCredential")) {
      await db.apiCredential.deleteMany({ where: { id: { notIn: credentials.map((c) => c.id) } } });
      for (const c of credentials) await db.apiCredential.update({ where: { id: c.id }, data: { ...c, id: undefined } });
    }
    if (written.has("public.PartnerClientAssignment")) {
      await db.partnerClientAssignment.deleteMany({});
      await db.partnerClientAssignment.createMany({ data: assignments });
    }
    if (written.has("public.Notification")) {
      await db.notification.deleteMany({ where: { id: { notIn: notifications.map((n) => n.id) } } });
      for (const n of notifications) await db.notification.update({ where: { id: n.id }, data: { readAt: n.readAt } });
    }
    if (written.has("public.OutboxEmail")) await db.outboxEmail.deleteMany({ where: { id: { notIn: mails.map((m) => m.id) } } });
    if (written.has("public.AccountingPartner")) {
      for (const p of partners) await db.accountingPartner.update({ where: { id: p.id }, data: { status: p.status, approvedAt: p.approvedAt } });
    }
    if (written.has("public.LedgerGrant") || written.has("public.AccountingPartner")) await pushAllGrantsToSandbox(db);
  };
}
