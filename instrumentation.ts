// Runs once when a Next.js server instance starts: it starts the background workers (feed sync, grant
// lapses, reminders, digests) on the PostgreSQL job queue. RUN_WORKERS=off keeps an instance web-only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.RUN_WORKERS === "off") return;
  const [{ startWorkers }, { ALL_JOBS }] = await Promise.all([import("@/lib/server/jobs/queue"), import("@/lib/server/jobs/registry")]);
  await startWorkers(ALL_JOBS);
}
