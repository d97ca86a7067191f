/**
 * The release before this one, for the upgrade test (tests/integration/ops/migrations-upgrade.test.ts): its
 * migrations are those up to and including `lastMigration`; its data is the fixture beside that test.
 * At a release: set both to the new release, and take a new fixture from that release's schema.
 */
export const PREVIOUS_RELEASE = {
  commit: "f9b31ec",
  lastMigration: "20261126160000",
} as const;

/** The version prefix of a dbmate migration file name (e.g. 20261126150000_init.sql → 20261126150000). */
export function migrationVersion(file: string): string {
  return file.split("_")[0] ?? "";
}
