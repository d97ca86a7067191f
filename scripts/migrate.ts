/** `npm run db:migrate`: applies prisma/migrations/*.sql to DATABASE_URL with dbmate. */
import { migrate } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is missing: the PostgreSQL to migrate (npm start migrates the embedded one itself).");
  process.exit(1);
}
migrate(url);
console.log("Migrated.");
