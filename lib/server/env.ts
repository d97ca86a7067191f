import "server-only";
import { parseEnv, type Env } from "@/lib/config/env-schema";

// The only place the app reads process.env (an ESLint rule forbids it elsewhere). Parsed lazily so that
// `next build` does not need runtime secrets; the first request (or the start script) fails loudly instead.
let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
