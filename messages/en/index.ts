// The English catalogue, one file per feature area so features can grow without stepping on each other.
// Top-level namespaces must not repeat across files (tests/unit/messages.test.ts checks it).
import admin from "./admin.json";
import core from "./core.json";
import grants from "./grants.json";
import ledgers from "./ledgers.json";
import lifecycle from "./lifecycle.json";
import lists from "./lists.json";
import security from "./security.json";

export const catalogues = { admin, core, grants, ledgers, lifecycle, security, lists };

export const messages = Object.assign({}, admin, core, grants, ledgers, lifecycle, security, lists);
export default messages;
