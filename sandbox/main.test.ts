/** `npm run sandbox` (tsx sandbox/main.ts) as a separate process: prints its URL, serves, stops on SIGTERM. */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("sandbox/main.ts", () => {
  it("starts alone, prints its URL and where the keys are, serves them, and exits cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_TODAY: "2025-06-18" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 20_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /Report API sandbox on (http:\/\/localhost:\d+) — demo keys at (http:\/\/localhost:\d+\/sandbox\/credentials)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
      });
      const url = /(http:\/\/localhost:\d+)\/sandbox\/credentials/.exec(line)![0];
      const creds = await (await fetch(url)).json();
      expect(creds.merchants.length).toBeGreaterThan(0);
      expect((await (await fetch(url.replace("/sandbox/credentials", "/sandbox/health"))).json()).today).toBe("2025-06-18");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
