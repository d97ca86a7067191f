import "server-only";

/**
 * The grant lifecycle (M2, M3, M5): the core functions other features call. Signatures are kept stable.
 *
 * Every function takes the acting merchant user (`GrantActor`, i.e. a MerchantContext from the session) and
 * enforces the tenant rules itself, whoever calls it: another merchant's grant or ledger is NOT_FOUND, a
 * manager's out-of-scope ledger is NOT_FOUND (or FORBIDDEN when they see it but do not manage all its sales
 * units), a viewer is FORBIDDEN. Failures are `AppError`s (INVALID_INPUT with field messages, NOT_FOUND,
 * FORBIDDEN, CONFLICT). Each change runs in one transaction with its audit event (actor, before, after) and
 * its notifications (in-app + outbox e-mail); after commit the partner's grants are pushed upstream (sandbox
 * mode; a failed push is queued for retry) and the outbox is sent. Every change first takes the merchant-and-
 * partner lock (lockMerchantPartner) and decides on what it reads after it (docs/decisions/011-serialising-grant-changes.md).
 *
 *   grantLedgerAccess(input, actor): Promise<GrantDto[]>
 *     input: { partnerId, ledgerIds[], periodFrom, periodTo, includesPersonalData, validUntil, requestId? }
 *     One grant per ledger; status "active", or "pending_approval" when the four-eyes rule applies (personal
 *     data, every ledger of the merchant, or no end date / one beyond END_DATE_HORIZON_YEARS). Idempotent: the same grant again returns the
 *     existing one; a live grant with another scope is CONFLICT. `requestId` links the grants to the access
 *     request they answer. grantLedgerAccessInTransaction(tx, input, actor) does the same in the caller's
 *     transaction and returns { value, afterCommit } (run `runAfterCommit(afterCommit)` after commit).
 *
 *   changeGrant({ grantId, periodFrom, periodTo, includesPersonalData, validUntil, base? }, actor): Promise<GrantDto>
 *     Narrowing applies at once; widening into four-eyes territory makes it "pending_approval" again. With
 *     `base` (the scope the form showed) only the changed fields are applied onto the grant as it is now.
 *
 *   revokeGrant({ grantId }, actor): Promise<GrantDto>           — ends it now (idempotent)
 *   approveGrant({ grantId }, actor): Promise<GrantDto>          — a second admin; never the one who asked
 *   declineGrant({ grantId, reason? }, actor): Promise<GrantDto> — a second admin; a declined widening
 *     falls back to the previously approved scope
 *   expireGrants(today?): Promise<number>                        — the daily job
 *
 * Queries for pages live in ./queries.ts (imported from there); previewGrant (real rows with the merchant's own
 * keys) is here. Notifications: see lib/server/notifications.
 */
export { grantLedgerAccess, grantLedgerAccessInTransaction } from "./grant-ledger-access";
export { changeGrant } from "./change-grant";
export { revokeGrant } from "./revoke-grant";
export { approveGrant, declineGrant } from "./decide-grant";
export { expireGrants } from "./expire-grants";
export { runAfterCommit } from "./transaction";
export { previewGrant } from "./preview-grant";
export { listPendingApprovals } from "./queries";
export { findOutOfSyncPartners, reconcileSandboxGrants, sandboxPushJob } from "./upstream-sync";
export type { GrantDto } from "./grant-record";
