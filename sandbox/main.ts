/** `npm run sandbox`: the Report API sandbox alone, configured from SANDBOX_* environment variables. */

import { ConfigError, optionsFromEnv } from "./config";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`sandbox: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const sandbox = await startSandbox(options);
  sandbox.state.warmUp();
  console.log(`Report API sandbox on ${sandbox.url} — demo keys at ${sandbox.url}/sandbox/credentials`);
  console.log(`today is ${sandbox.state.today()} (open), seed '${sandbox.state.options.seed}'; admin endpoints under /sandbox/admin/* (header x-sandbox-admin-secret)`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`sandbox: ${signal}, stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("sandbox: error while stopping", err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") console.error(`sandbox: port already in use (set SANDBOX_PORT to another port)`);
  else console.error("sandbox: failed to start", err);
  process.exit(1);
});
