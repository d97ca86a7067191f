import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, auditEventLabelKey } from "./audit-event-types";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith(".ts") && !full.endsWith(".test.ts") ? [full] : [];
  });
}

describe("audit event labels", () => {
  it("label every event code the server writes (no raw codes on the audit page)", () => {
    const written = new Set<string>();
    for (const file of sources(path.resolve("lib/server"))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("appendAuditEvent")) continue;
      for (const m of text.matchAll(/action: (?:[^,"]*\? )?"([a-z_]+(?:\.[a-z_-]+)+)"(?: : "([a-z_]+(?:\.[a-z_-]+)+)")?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    for (const code of written) expect(AUDIT_EVENT_TYPES, code).toContain(code);
  });

  it("maps a code to its catalogue key, and an unknown code to none", () => {
    expect(auditEventLabelKey("grant.revoked")).toBe("grant__revoked");
    expect(auditEventLabelKey("no.such-event")).toBeNull();
    expect(auditEventLabelKey("unknown")).toBeNull();
  });
});
