import "server-only";

/**
 * Notifications (in-app + e-mail), written inside the transaction of the change they report:
 *
 *   notifyPartnerUsers(tx, partnerId, { kind, title, body, href }, { merchantId?, exceptUserId?, inAppOnly? })
 *     → owners, and accountants assigned to `merchantId`
 *   notifyMerchantAdmins(tx, merchantId, notice, { exceptUserId?, inAppOnly? }) → every admin of the merchant
 *
 * Each writes one Notification per person and one OutboxEmail per person. After commit, the mail transport
 * sends the outbox through nodemailer: flushOutbox() (SMTP_URL in production; embedded mode: a .eml file per mail in OUTBOX_DIR); the job
 * `notifications.flush-outbox` (lib/server/grants/jobs.ts) runs it every minute as well.
 */
export { notifyMerchantAdmins, notifyPartnerUsers } from "./notify";
export { flushOutbox } from "./mail-transport";
