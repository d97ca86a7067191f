/**
 * Response bodies checked against the official OpenAPI files, committed unmodified in `sandbox/reference/`
 * (its README names their source, commit and licence).
 *
 * Knowing deviations from the Dec 2023 / Nov 2023 files, each documented in sandbox/reference/README.md:
 * - Transaction.entryType: the enum is dropped; it is an open enum upstream and newer types exist
 *   (payout-scheduled, credit-note, service-fee, and the sandbox's deliberately unknown instant-payout-fee);
 * - Transaction.recipientHandle: made nullable; upstream sends null on payout-scheduled and fees-retained;
 * - TokenResponse.expires_in: number or string; the spec says string, upstream and the docs send 900;
 * - additional properties stay allowed (the spec does not forbid them): salesUnits and the GDPR fields are
 *   newer than the spec and are checked by the tests themselves;
 * - the spec's odd formats are given meanings: "DateTime" (ISO UTC), "Date in YYYY-MM-DD format.", "int32",
 *   "byte" (base64, base64url or a JWT's dot-separated base64url parts).
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

const REFERENCE_DIR = path.resolve(import.meta.dirname, "../reference");
export const REPORT_SPEC_PATH = path.join(REFERENCE_DIR, "vipps-report-api.swagger.yaml");
export const TOKEN_SPEC_PATH = path.join(REFERENCE_DIR, "vipps-access-token-api.swagger.yaml");

type Json = Record<string, unknown>;

function load(file: string): Json {
  return parse(readFileSync(file, "utf8")) as Json;
}

function at(doc: Json, pointer: string): Json {
  let node: unknown = doc;
  for (const key of pointer.split("/").slice(1)) node = (node as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (!node || typeof node !== "object") throw new Error(`no ${pointer} in the spec`);
  return node as Json;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function buildAjv(): Ajv {
  // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example, deprecated).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("DateTime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/);
  ajv.addFormat("Date in YYYY-MM-DD format.", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("byte", /^[A-Za-z0-9+/=_.-]+$/);
  ajv.addFormat("guid", /^[0-9a-fA-F-]+$/);
  return ajv;
}

function reportSpec(): Json {
  const spec = structuredClone(load(REPORT_SPEC_PATH));
  const tx = at(spec, "/components/schemas/Transaction/properties");
  delete (tx.entryType as Json).enum;
  (tx.recipientHandle as Json).nullable = true;
  spec.$id = "report-api";
  return spec;
}

function tokenSpec(): Json {
  const spec = structuredClone(load(TOKEN_SPEC_PATH));
  const expiresIn = at(spec, "/components/schemas/TokenResponse/properties/expires_in");
  expiresIn.type = ["number", "string"];
  spec.$id = "token-api";
  return spec;
}

export type SchemaName = "standardToken" | "specializedToken" | "ledgers" | "report" | "unauthorized" | "serverError" | "problem";

const POINTERS: Record<SchemaName, string> = {
  standardToken: "token-api#/components/schemas/AuthorizationTokenResponse",
  specializedToken: "token-api#/components/schemas/TokenResponse",
  ledgers: "report-api#/paths/~1settlement~1v1~1ledgers/get/responses/200/content/application~1json/schema",
  report: "report-api#/components/responses/200/content/application~1json/schema",
  unauthorized: "report-api#/components/responses/401/content/application~1json/schema",
  serverError: "report-api#/components/responses/500/content/application~1json/schema",
  problem: "report-api#/components/schemas/Problem",
};

let validators: Map<SchemaName, ValidateFunction> | undefined;

function compiled(): Map<SchemaName, ValidateFunction> {
  if (validators) return validators;
  const ajv = buildAjv();
  ajv.addSchema(reportSpec(), undefined, undefined, false);
  ajv.addSchema(tokenSpec(), undefined, undefined, false);
  validators = new Map((Object.keys(POINTERS) as SchemaName[]).map((name) => [name, ajv.compile({ $ref: POINTERS[name] })]));
  return validators;
}

/** Throws with ajv's errors when `body` does not match the named schema of the official spec. */
export function assertMatchesSpec(name: SchemaName, body: unknown): void {
  const validate = compiled().get(name);
  if (!validate) throw new Error(`no validator ${name}`);
  if (!validate(body)) {
    throw new Error(`response does not match the spec (${name}): ${JSON.stringify(validate.errors?.slice(0, 5))}\nbody: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

/**
 * Which spec schema a response must match, by method, route and status. Undefined where the spec documents
 * no body: token-endpoint errors and 429 (the sandbox imitates API Management and OAuth there).
 * 400 has no schema in the Report spec either; its body follows the spec's error-code object (as the 500 one).
 */
export function schemaFor(method: string, pathname: string, status: number): SchemaName | undefined {
  if (method === "POST" && pathname === "/accesstoken/get") return status === 200 ? "standardToken" : undefined;
  if (method === "POST" && pathname === "/miami/v1/token") return status === 200 ? "specializedToken" : undefined;
  const isLedgers = pathname === "/settlement/v1/ledgers";
  const isReport = /^\/report\/v2\/ledgers\/[^/]+\/[^/]+\/(feed|dates\/[^/]+)$/.test(pathname);
  if (!isLedgers && !isReport) return status === 404 ? "problem" : undefined;
  if (status === 200) return isLedgers ? "ledgers" : "report";
  if (status === 401) return "unauthorized";
  if (status === 400 || status === 500) return "serverError";
  if (status === 404) return "problem";
  return undefined;
}
