// The English catalogue, one file per feature area so features can grow without stepping on each other.
// Top-level namespaces must not repeat across files (tests/unit/messages.test.ts checks it).
import admin from "./admin.json";
import core from "./core.json";
import exports from "./exports.json";
import grants from "./grants.json";
import ledgers from "./ledgers.json";
import lifecycle from "./lifecycle.json";
import security from "./security.json";

export const catalogues = { admin, core, exports, grants, ledgers, lifecycle, security };

export const messages = Object.assign({}, admin, core, exports, grants, ledgers, lifecycle, security);
export default messages;
