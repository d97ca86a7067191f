import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/server/logger";

function capture() {
  const lines: string[] = [];
  const out = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(...chunk.toString().split("\n").filter(Boolean)), done()) });
  return { lines, out };
}

describe("the process logger", () => {
  it("writes one readable line per event in the embedded mode, with secrets redacted", () => {
    const { lines, out } = capture();
    createLogger({ NODE_ENV: "production", LOG_LEVEL: "info", PORTAL_MODE: "embedded" }, out).info({ op: "ledgers", clientSecret: "s3cr3t-value" }, "report-api request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: report-api request \{.*"op":"ledgers".*\}$/);
    expect(lines[0]).toContain('"clientSecret":"[redacted]"');
    expect(lines[0]).not.toContain("s3cr3t-value");
  });

  it("writes JSON lines for a log collector in production mode", () => {
    const { lines, out } = capture();
    createLogger({ NODE_ENV: "production", LOG_LEVEL: "info", PORTAL_MODE: "production" }, out).warn({ token: "tok-123" }, "slow");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: "slow", app: "portal", token: "[redacted]" });
  });
});
