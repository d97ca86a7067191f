/**
 * `node --import ./scripts/lib/server-only-hook.mjs`: lets a plain Node process (the job worker) load the
 * server-only data layer. "server-only" throws outside React's "react-server" condition, and that condition
 * cannot be used here: it also gives next-intl a React build without hooks, which only Next's bundler
 * resolves correctly. A worker is server-side by definition, so the marker resolves to an empty module.
 */
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
