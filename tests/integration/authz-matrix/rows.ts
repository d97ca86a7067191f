import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import type { MatrixWorld, Persona, Relation } from "./world";

/**
 * The expected outcome of every cell: one row per server action, page and route handler, one column per
 * persona (in the order of PERSONAS), for the persona's own tenant and another tenant. Written out by hand on
 * purpose: deriving them from the permission table would make a wrong table pass.
 *
 *   A  allowed (ok result, a rendered page, HTTP 200)      0  allowed, and changes nothing (another's id is ignored)
 *   N  not found (404, NOT_FOUND)                          F  forbidden (403, FORBIDDEN)
 *   S  sent to sign in (redirect /sign-in, UNAUTHENTICATED, 401)
 *   C  sent to the organisation chooser                    R  redirected elsewhere (a persona's home, /)
 *   X  the call throws (an action that is not a typed-result action refuses by throwing)
 *
 * Columns:   signedOut merchantAdmin merchantManager merchantViewer partnerOwner partnerAccountant platformAdmin suspendedOwner
 *
 * Rows that take an id have a third relation, "scope": the persona's own tenant, but outside a manager's sales
 * units or an accountant's assigned clients (Bryggen's sales unit 212003 settles on the joint ledger 302103, so
 * even an admin's sales-unit keys are refused there: F for the merchant ledger reads).
 *
 * Rows that take no id of a tenant ("tenant from the session only") use for "other" a forged active-organisation
 * cookie naming another tenant; it must change nothing, so their two columns are the same.
 */
export type Expect = { own: string; other: string; scope?: string };

export interface Cell {
  w: MatrixWorld;
  rel: Relation;
  persona: Persona;
}

export interface ActionRow {
  kind: "action";
  /** "<module path>#<export>". */
  unit: string;
  /** Why an action is not built with the define-action wrapper (every other one must be). */
  unwrapped?: string;
  /** Takes no tenant's id: "other" is a forged active-organisation cookie naming another tenant. */
  sessionOnly?: true;
  expect: Expect;
  call(fn: (input: unknown) => Promise<unknown>, c: Cell): Promise<unknown>;
}

export interface PageRow {
  kind: "page";
  unit: string;
  expect: Expect;
  params?(c: Cell): Record<string, string>;
}

export interface RouteRow {
  kind: "route";
  unit: string;
  expect: Expect;
  url: string;
  /** Dynamic segments ([ledgerId], [msn], [receiptId]): the route then has an own/other (and scope) tenant. */
  params?(c: Cell): Record<string, string>;
}

export type Row = ActionRow | PageRow | RouteRow;

const same = (codes: string) => ({ own: codes, other: codes });
function pick<T>(c: Cell, own: T, other: T, scope?: T): T {
  if (c.rel === "scope" && scope === undefined) throw new Error("this row has no out-of-scope case");
  return c.rel === "own" ? own : c.rel === "other" ? other : scope!;
}
const day = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const plainScope = () => ({ periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: day(30) });
const range = () => ({ from: day(-3), to: day(-2) });

// The partner-side tenant: the persona's own firm's client and ledger, or another firm's.
const partnerLedger = (c: Cell) => pick(c, c.w.ledgers.fjordGruner, c.w.ledgers.hygge, c.w.ledgers.nordlys).externalId;
const merchantMsn = (c: Cell) => pick(c, c.w.units.fjordGruner, c.w.units.nordlys, c.w.units.fjordBryggen).msn;
const merchantLedger = (c: Cell) => pick(c, c.w.ledgers.fjordGruner, c.w.ledgers.nordlys, c.w.ledgers.fjordBryggen).id;

const MERCHANT_WRITE = { own: "S A A F N N N N", other: "S N N F N N N N" };
const MERCHANT_ADMIN_ONLY = { own: "S A F F N N N N", other: "S N F F N N N N" };
const MERCHANT_READ = { own: "S A A A N N N N", other: "S N N N N N N N" };
const PARTNER_OWNER_ONLY = { own: "S N N N A F N F", other: "S N N N N F N F" };
const PARTNER_READ = { own: "S N N N A A N F", other: "S N N N N N N F" };

const g = "lib/server/grants/actions.ts#";
const r = "lib/server/access-requests/actions.ts#";
const cr = "lib/server/credentials/actions.ts#";
const ml = "lib/server/ledgers/actions/merchant-ledger-actions.ts#";
const pl = "lib/server/ledgers/actions/partner-ledger-actions.ts#";
const ex = "lib/server/exports/actions.ts#";
const inbox = "lib/server/notifications/inbox-actions.ts#";
const ses = "lib/server/session/actions.ts#";

export const ACTION_ROWS: ActionRow[] = [
  // Grants (M2, M3, M5): the merchant's own ledgers and grants; another merchant's are not found.
  { kind: "action", unit: `${g}grantAccessAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ partnerId: c.w.partners.konto.id, ledgerIds: [merchantLedger(c)], ...plainScope(), consentAccepted: true }) },
  { kind: "action", unit: `${g}changeGrantAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ grantId: pick(c, c.w.grants.fjordToTallBalanse, c.w.grants.nordlysToTallBalanse, c.w.grants.bryggen).id, ...plainScope(), validUntil: day(20) }) },
  { kind: "action", unit: `${g}revokeGrantAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ grantId: pick(c, c.w.grants.fjordToTallBalanse, c.w.grants.nordlysToTallBalanse, c.w.grants.bryggen).id }) },
  // Four-eyes: only a second admin (the pending grants were asked for by another admin).
  { kind: "action", unit: `${g}approveGrantAction`, expect: { ...MERCHANT_ADMIN_ONLY, scope: "S A F F N N N N" },
    call: (fn, c) => fn({ grantId: pick(c, c.w.grants.pendingFjord, c.w.grants.pendingNordlys, c.w.grants.pendingBryggen).id }) },
  { kind: "action", unit: `${g}declineGrantAction`, expect: { ...MERCHANT_ADMIN_ONLY, scope: "S A F F N N N N" },
    call: (fn, c) => fn({ grantId: pick(c, c.w.grants.pendingFjord, c.w.grants.pendingNordlys, c.w.grants.pendingBryggen).id, reason: "not now" }) },
  { kind: "action", unit: `${g}previewGrantAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ ledgerId: merchantLedger(c), periodFrom: null, periodTo: null, includesPersonalData: false }) },
  { kind: "action", unit: `${g}searchPartnersAction`, sessionOnly: true, expect: same("S A A F N N N N"), call: (fn) => fn({ query: "konto" }) },

  // Access requests (P7, M4): a partner owner asks; the merchant decides on requests made to it.
  { kind: "action", unit: `${r}createAccessRequestAction`, sessionOnly: true, expect: same("S N N N A F N F"),
    call: (fn, c) => fn({ by: "msn", msns: [c.w.units.fjordWeb.msn], orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Year-end accounts and VAT returns" }) },
  { kind: "action", unit: `${r}withdrawAccessRequestAction`, expect: PARTNER_OWNER_ONLY,
    call: (fn, c) => {
      const own = c.persona === "suspendedOwner" ? c.w.requests.byBokholderiet : c.w.requests.byTallBalanse;
      return fn({ requestId: pick(c, own, c.w.requests.byKonto).id });
    } },
  { kind: "action", unit: `${r}approveAccessRequestAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ requestId: pick(c, c.w.requests.toFjord, c.w.requests.toNordlys, c.w.requests.toBryggen).id, ledgerIds: [merchantLedger(c)], periodFrom: "", periodTo: "", includesPersonalData: false, validUntil: day(30) }) },
  { kind: "action", unit: `${r}declineAccessRequestAction`, expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ requestId: pick(c, c.w.requests.toFjord, c.w.requests.toNordlys, c.w.requests.toBryggen).id, reason: "" }) },

  // P6: the owner assigns the firm's own accountants to the firm's own clients.
  // "scope": the firm's own accountant, but a merchant that is not the firm's client.
  { kind: "action", unit: "lib/server/partner-staff/actions.ts#setClientAssignmentsAction", expect: { ...PARTNER_OWNER_ONLY, scope: "S N N N N F N F" },
    call: (fn, c) => {
      const own = c.persona === "suspendedOwner" ? c.w.accountants.bokholderiet : c.w.accountants.tallBalanse;
      return fn({ membershipId: pick(c, own, c.w.accountants.konto, own).id, merchantIds: [pick(c, c.w.merchants.nordlys, c.w.merchants.nordlys, c.w.merchants.sauna).id] });
    } },

  // Keys: merchant admins for their own sales units; partner owners for their own firm.
  { kind: "action", unit: `${cr}storeSalesUnitKeysAction`, expect: { ...MERCHANT_ADMIN_ONLY, scope: "S A F F N N N N" },
    call: (fn, c) => fn({ msn: merchantMsn(c), clientId: "matrix-client", clientSecret: "matrix-secret", subscriptionKey: "matrix-subscription" }) },
  { kind: "action", unit: `${cr}testSalesUnitConnectionAction`, expect: { ...MERCHANT_ADMIN_ONLY, scope: "S A F F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c) }) },
  { kind: "action", unit: `${cr}storePartnerKeysAction`, sessionOnly: true, expect: same("S N N N A F N F"), call: (fn) => fn({ clientId: "matrix-client", clientSecret: "matrix-secret" }) },
  { kind: "action", unit: `${cr}testPartnerConnectionAction`, sessionOnly: true, expect: same("S N N N A F N F"), call: (fn) => fn({}) },

  // Ledger reads (M6 with a sales unit's keys; P2 with the firm's keys, within the grant).
  { kind: "action", unit: `${ml}readMerchantLedgerRangeAction`, expect: { ...MERCHANT_READ, scope: "S F N F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c), ...range() }) },
  { kind: "action", unit: `${ml}readMerchantLedgerEntriesAction`, expect: { ...MERCHANT_READ, scope: "S F N F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c), ...range(), topic: "funds" }) },
  { kind: "action", unit: `${ml}syncMerchantLedgerAction`, expect: { ...MERCHANT_READ, scope: "S F N F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c) }) },
  { kind: "action", unit: `${ml}merchantLedgerSyncStatusAction`, expect: { ...MERCHANT_READ, scope: "S F N F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c) }) },
  { kind: "action", unit: `${pl}readPartnerLedgerRangeAction`, expect: { ...PARTNER_READ, scope: "S N N N A N N F" }, call: (fn, c) => fn({ ledgerId: partnerLedger(c), ...range() }) },
  { kind: "action", unit: `${pl}readPartnerLedgerEntriesAction`, expect: { ...PARTNER_READ, scope: "S N N N A N N F" }, call: (fn, c) => fn({ ledgerId: partnerLedger(c), ...range(), topic: "funds" }) },
  { kind: "action", unit: `${pl}syncPartnerLedgerAction`, expect: { ...PARTNER_READ, scope: "S N N N A N N F" }, call: (fn, c) => fn({ ledgerId: partnerLedger(c) }) },
  { kind: "action", unit: `${pl}partnerLedgerSyncStatusAction`, expect: { ...PARTNER_READ, scope: "S N N N A N N F" }, call: (fn, c) => fn({ ledgerId: partnerLedger(c) }) },

  // P4 export preparation (fetches the period's missing dates), within the same access as the reads.
  { kind: "action", unit: `${ex}preparePartnerLedgerExportAction`, expect: { ...PARTNER_READ, scope: "S N N N A N N F" }, call: (fn, c) => fn({ ledgerId: partnerLedger(c), ...range(), format: "csv" }) },
  { kind: "action", unit: `${ex}prepareMerchantLedgerExportAction`, expect: { ...MERCHANT_READ, scope: "S F N F N N N N" }, call: (fn, c) => fn({ msn: merchantMsn(c), ...range(), format: "csv" }) },

  // M8 renewal of a grant that ends soon.
  { kind: "action", unit: "lib/server/renewals/renewal-actions.ts#renewGrantAction", expect: { ...MERCHANT_WRITE, scope: "S A N F N N N N" },
    call: (fn, c) => fn({ grantId: pick(c, c.w.grants.endingFjord, c.w.grants.endingNordlys, c.w.grants.bryggen).id, length: "30" }) },

  // The bell: every signed-in person, their own notifications only (someone else's ids are ignored).
  { kind: "action", unit: `${inbox}listMyNotificationsAction`, sessionOnly: true, expect: same("S A A A A A A A"), call: (fn) => fn({ limit: 10 }) },
  { kind: "action", unit: `${inbox}countMyUnreadNotificationsAction`, sessionOnly: true, expect: same("S A A A A A A A"), call: (fn) => fn({}) },
  { kind: "action", unit: `${inbox}markNotificationsReadAction`, expect: { own: "S A A A A A A A", other: "S 0 0 0 0 0 0 0" },
    call: (fn, c) => fn({ ids: [c.rel === "own" && c.persona !== "signedOut" ? c.w.notifications[c.persona].id : c.w.notifications.nils.id] }) },

  // P4 journal accounts: the owner for every client, an accountant for assigned clients (decision 022).
  { kind: "action", unit: "lib/server/journal/journal-actions.ts#saveJournalAccountsAction", expect: { own: "S N N N A A N F", other: "S N N N N N N F", scope: "S N N N A N N F" },
    call: (fn, c) => fn({ merchantId: pick(c, c.w.merchants.fjord, c.w.merchants.hygge, c.w.merchants.nordlys).id, accounts: { bank: "1920", clearing: "1571", sales: "3000", refunds: "3000", fees: "7770", feeLiability: "2990", feesPayable: "2400", suspense: "1579" } }) },

  // A3 verify: platform admins only.
  { kind: "action", unit: "lib/server/admin-audit/actions.ts#verifyAuditChainAction", sessionOnly: true, expect: same("S N N N N N A N"), call: (fn) => fn({}) },
  // A2 "Check now": platform admins only (queues the reconciliation job).
  { kind: "action", unit: "lib/server/reconciliation/actions.ts#checkReconciliationNowAction", sessionOnly: true, expect: same("S N N N N N A N"), call: (fn) => fn({}) },

  // A4 partner directory: platform admins only; the partner id is nobody's tenant, so "other" is a forged cookie.
  { kind: "action", unit: "lib/server/admin-partners/actions.ts#approvePartnerAction", sessionOnly: true, expect: same("S N N N N N A N"),
    call: (fn, c) => fn({ partnerId: c.w.partners.regnskapshjelpen.id }) },
  { kind: "action", unit: "lib/server/admin-partners/actions.ts#suspendPartnerAction", sessionOnly: true, expect: same("S N N N N N A N"),
    call: (fn, c) => fn({ partnerId: c.w.partners.konto.id, reason: "Matrix test" }) },
  { kind: "action", unit: "lib/server/admin-partners/actions.ts#reactivatePartnerAction", sessionOnly: true, expect: same("S N N N N N A N"),
    call: (fn, c) => fn({ partnerId: c.w.partners.bokholderiet.id }) },

  // Session. The demo sign-in is off outside the embedded mode (as here), whoever asks.
  { kind: "action", unit: `${ses}demoSignInAction`, sessionOnly: true, expect: same("N N N N N N N N"), call: (fn) => fn({ email: "kari@fjordkaffe.example" }) },
  // Choosing an organisation: one of your own goes to its home; one you do not belong to is not found.
  { kind: "action", unit: `${ses}selectOrganisationAction`, expect: { own: "S R R R R R R R", other: "S N N N N N N N" },
    call: (fn, c) => fn({ key: orgKey(c) }) },
  { kind: "action", unit: `${ses}switchOrganisationAction`, unwrapped: "a thin entry point that calls selectOrganisationAction (wrapped); a key the user may not choose changes nothing",
    expect: { own: "0 R R R R R R R", other: "0 0 0 0 0 0 0 0" }, call: (fn, c) => (fn as unknown as (key: string) => Promise<void>)(orgKey(c)) },
  // The language switch: the signed-in person's own preference only (no tenant). null: follow the browser again.
  { kind: "action", unit: "lib/server/session/locale-actions.ts#setLocaleAction", sessionOnly: true, expect: same("S A A A A A A A"), call: (fn) => fn({ locale: null }) },
  { kind: "action", unit: `${ses}signOutAction`, unwrapped: "signing out needs no authorization: it ends whatever session there is",
    sessionOnly: true, expect: same("S S S S S S S S"), call: (fn) => (fn as unknown as () => Promise<void>)() },
  { kind: "action", unit: "lib/server/session/sign-in-with-oidc.ts#signInWithOidcAction", unwrapped: "starts the OIDC sign-in, before any session exists",
    sessionOnly: true, expect: same("R R R R R R R R"), call: (fn) => (fn as unknown as () => Promise<void>)() },
];

/** The organisation key a persona chooses: its own, or one it does not belong to. */
export function orgKey(c: Cell): string {
  const { w } = c;
  const own: Record<Persona, string> = {
    signedOut: `m:${w.merchants.fjord.id}`, merchantAdmin: `m:${w.merchants.fjord.id}`, merchantManager: `m:${w.merchants.fjord.id}`, merchantViewer: `m:${w.merchants.fjord.id}`,
    partnerOwner: `p:${w.partners.tallBalanse.id}`, partnerAccountant: `p:${w.partners.tallBalanse.id}`, platformAdmin: "admin", suspendedOwner: `p:${w.partners.bokholderiet.id}`,
  };
  const foreign: Record<Persona, string> = {
    signedOut: `m:${w.merchants.nordlys.id}`, merchantAdmin: `m:${w.merchants.nordlys.id}`, merchantManager: `m:${w.merchants.nordlys.id}`, merchantViewer: `m:${w.merchants.nordlys.id}`,
    partnerOwner: `p:${w.partners.konto.id}`, partnerAccountant: `p:${w.partners.konto.id}`, platformAdmin: `m:${w.merchants.fjord.id}`, suspendedOwner: `p:${w.partners.tallBalanse.id}`,
  };
  return c.rel === "own" ? own[c.persona] : foreign[c.persona];
}

const MERCHANT_PAGE = same("S A A A N N N N");
const PARTNER_PAGE = same("S N N N A A N A");
const ADMIN_ONLY = same("S N N N N N A N");

export const PAGE_ROWS: PageRow[] = [
  { kind: "page", unit: "app/page.tsx", expect: same("S R R R R R R R") },
  { kind: "page", unit: "app/(auth)/sign-in/page.tsx", expect: same("A R R R R R R R") },
  { kind: "page", unit: "app/(auth)/select-organisation/page.tsx", expect: same("S A A A A A A A") },
  { kind: "page", unit: "app/(admin)/admin/access/page.tsx", expect: ADMIN_ONLY },
  { kind: "page", unit: "app/(admin)/admin/audit/page.tsx", expect: ADMIN_ONLY },
  { kind: "page", unit: "app/(admin)/admin/access/grants/[grantId]/page.tsx", expect: ADMIN_ONLY, params: (c) => ({ grantId: c.w.grants.fjordToTallBalanse.id }) },
  { kind: "page", unit: "app/(admin)/admin/partners/page.tsx", expect: ADMIN_ONLY },
  { kind: "page", unit: "app/(admin)/admin/reconciliation/page.tsx", expect: ADMIN_ONLY },
  { kind: "page", unit: "app/(merchant)/merchant/access-log/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/approvals/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/keys/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/ledger/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/ledger/[msn]/page.tsx", expect: { ...MERCHANT_READ, scope: "S A N A N N N N" }, params: (c) => ({ msn: merchantMsn(c) }) },
  { kind: "page", unit: "app/(merchant)/merchant/notifications/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/partner-staff/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/partners/page.tsx", expect: MERCHANT_PAGE },
  // A viewer gets the page with a plain "your role cannot add partners" notice instead of the form.
  { kind: "page", unit: "app/(merchant)/merchant/partners/new/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/partners/grants/[grantId]/page.tsx", expect: { ...MERCHANT_READ, scope: "S A N A N N N N" },
    params: (c) => ({ grantId: pick(c, c.w.grants.fjordToTallBalanse, c.w.grants.nordlysToTallBalanse, c.w.grants.bryggen).id }) },
  { kind: "page", unit: "app/(merchant)/merchant/requests/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/requests/renewals/page.tsx", expect: MERCHANT_PAGE },
  { kind: "page", unit: "app/(merchant)/merchant/sales-units/[salesUnitId]/page.tsx", expect: { ...MERCHANT_READ, scope: "S A N A N N N N" },
    params: (c) => ({ salesUnitId: pick(c, c.w.units.fjordGruner, c.w.units.nordlys, c.w.units.fjordBryggen).id }) },
  { kind: "page", unit: "app/(partner)/partner/clients/page.tsx", expect: PARTNER_PAGE },
  // A suspended firm has no clients to open; its ledgers are refused like any ledger not granted.
  { kind: "page", unit: "app/(partner)/partner/clients/[merchantId]/page.tsx", expect: { own: "S N N N A A N N", other: "S N N N N N N N", scope: "S N N N A N N N" },
    params: (c) => ({ merchantId: pick(c, c.w.merchants.fjord, c.w.merchants.hygge, c.w.merchants.nordlys).id }) },
  { kind: "page", unit: "app/(partner)/partner/ledgers/[ledgerId]/page.tsx", expect: { own: "S N N N A A N N", other: "S N N N N N N N", scope: "S N N N A N N N" },
    params: (c) => ({ ledgerId: partnerLedger(c) }) },
  { kind: "page", unit: "app/(partner)/partner/clients/[merchantId]/journal-accounts/page.tsx", expect: { own: "S N N N A A N N", other: "S N N N N N N N", scope: "S N N N A N N N" },
    params: (c) => ({ merchantId: pick(c, c.w.merchants.fjord, c.w.merchants.hygge, c.w.merchants.nordlys).id }) },
  { kind: "page", unit: "app/(partner)/partner/keys/page.tsx", expect: PARTNER_PAGE },
  { kind: "page", unit: "app/(partner)/partner/notifications/page.tsx", expect: PARTNER_PAGE },
  { kind: "page", unit: "app/(partner)/partner/requests/page.tsx", expect: PARTNER_PAGE },
  { kind: "page", unit: "app/(partner)/partner/staff/page.tsx", expect: PARTNER_PAGE },
];

export const ROUTE_ROWS: RouteRow[] = [
  { kind: "route", unit: "app/(merchant)/merchant/access-log/export/route.ts", expect: MERCHANT_PAGE, url: "http://localhost/merchant/access-log/export" },
  // Signed out is a 404 here too: the export does not say that it exists.
  { kind: "route", unit: "app/api/admin/audit/export/route.ts", expect: same("N N N N N N A N"), url: "http://localhost/api/admin/audit/export" },
  // P4 voucher journal: the ledger page's rules (a suspended firm's ledgers are refused like any not granted).
  { kind: "route", unit: "app/(partner)/partner/journal/route.ts", expect: same("S N N N A A N N"), url: `http://localhost/partner/journal?ledger=302101&from=${day(-3)}&to=${day(-2)}` },
  { kind: "route", unit: "app/api/admin/access/export/route.ts", expect: same("N N N N N N A N"), url: "http://localhost/api/admin/access/export?personal=1" },
  // The admin console's merchant and partner filters search here; like the exports, anyone else gets 404.
  { kind: "route", unit: "app/api/admin/organisations/route.ts", expect: same("N N N N N N A N"), url: "http://localhost/api/admin/organisations?kind=merchant&q=Fjord" },
  // Auth.js' own endpoints and the load balancer's health check are public by design.
  { kind: "route", unit: "app/api/auth/[...nextauth]/route.ts", expect: same("A A A A A A A A"), url: "http://localhost/api/auth/providers" },
  { kind: "route", unit: "app/api/health/route.ts", expect: same("A A A A A A A A"), url: "http://localhost/api/health" },
  // P4 exports: the ledger's own access rules (like the ledger pages; a merchant's joint ledger is refused with 403
  // like the reads); "download again" only for the firm's own receipts of ledgers the person may still read.
  { kind: "route", unit: "app/(partner)/partner/ledgers/[ledgerId]/export/route.ts", expect: { own: "S N N N A A N N", other: "S N N N N N N N", scope: "S N N N A N N N" },
    url: `http://localhost/partner/ledgers/x/export?from=${day(-3)}&to=${day(-2)}&format=csv`, params: (c) => ({ ledgerId: partnerLedger(c) }) },
  { kind: "route", unit: "app/(merchant)/merchant/ledger/[msn]/export/route.ts", expect: { ...MERCHANT_READ, scope: "S F N F N N N N" },
    url: `http://localhost/merchant/ledger/x/export?from=${day(-3)}&to=${day(-2)}&format=xlsx`, params: (c) => ({ msn: merchantMsn(c) }) },
  { kind: "route", unit: "app/(partner)/partner/exports/[receiptId]/route.ts", expect: { own: "S N N N A A N N", other: "S N N N N N N N", scope: "S N N N A N N N" },
    url: "http://localhost/partner/exports/x",
    params: (c) => ({ receiptId: pick(c, c.w.receipts.tallBalanseFjord, c.w.receipts.kontoHygge, c.w.receipts.tallBalanseNordlys).id }) },
  // M7 "download again" from the merchant's access log: any receipt of its own ledgers (here a partner's), through
  // its own access to the ledger: another merchant's receipt is 404; the joint ledger (Bryggen) cannot be read
  // with one sales unit's keys (403), and is outside the manager's sales units (404).
  { kind: "route", unit: "app/(merchant)/merchant/exports/[receiptId]/route.ts", expect: { ...MERCHANT_READ, scope: "S F N F N N N N" },
    url: "http://localhost/merchant/exports/x",
    params: (c) => ({ receiptId: pick(c, c.w.receipts.tallBalanseFjord, c.w.receipts.tallBalanseNordlys, c.w.receipts.tallBalanseBryggen).id }) },
];

/** Inline server actions (closures in a page) and the exported action each one only calls. */
export const INLINE_SERVER_ACTIONS: Record<string, string> = {
  "app/(auth)/select-organisation/page.tsx": "each organisation's button calls selectOrganisationAction with that organisation's key",
};

export const ROWS: Row[] = [...ACTION_ROWS, ...PAGE_ROWS, ...ROUTE_ROWS];
