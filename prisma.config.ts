import { defineConfig } from "prisma/config";

// Prisma 7's CLI wants its native schema-engine binary, which cannot be downloaded here. `generate` and
// `validate` never run it, they only check that the file exists. Migrations are not Prisma's job in this
// project: plain SQL in prisma/migrations/, applied by dbmate (see docs/decisions/002-sql-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/dev/null";

export default defineConfig({ schema: "prisma/schema.prisma" });
