// The nb catalogue: the same files and namespaces as messages/en (tests/unit/catalogue-complete.test.ts checks every key).
import admin from "./admin.json";
import adminConsole from "./admin-console.json";
import core from "./core.json";
import exports from "./exports.json";
import grants from "./grants.json";
import journal from "./journal.json";
import ledgers from "./ledgers.json";
import ledgerBackfill from "./ledger-backfill.json";
import lifecycle from "./lifecycle.json";
import lists from "./lists.json";
import security from "./security.json";
import reconciliation from "./reconciliation.json";

export const catalogues = { admin, adminConsole, core, exports, grants, journal, ledgers, ledgerBackfill, lifecycle, lists, security, reconciliation };

const messages = Object.assign({}, admin, adminConsole, core, exports, grants, journal, ledgers, ledgerBackfill, lifecycle, lists, security, reconciliation);
export default messages;
