import { describe, expect, it } from "vitest";
import { SensitiveValues, createRedactingLogger, maskClientId, redactLogObject } from "./redact";
import { capturingLogger } from "./test-helpers";

describe("redaction", () => {
  const values = new SensitiveValues(["s3cr3t-value", "sub-key-123", undefined, "ab"]);
  values.add("eyJ.token.one");

  it("blanks credential-named keys and scrubs known values anywhere, including nested errors", () => {
    const out = redactLogObject(
      {
        headers: { Authorization: "Bearer x", "Ocp-Apim-Subscription-Key": "k", client_secret: "y", accept: "json" },
        accessToken: "t",
        note: "sent eyJ.token.one with s3cr3t-value",
        list: ["sub-key-123", 5, null],
        err: new Error("failed for s3cr3t-value"),
        ab: "ab is too short to track",
      },
      values,
    );
    expect(out).toEqual({
      headers: { Authorization: "[REDACTED]", "Ocp-Apim-Subscription-Key": "[REDACTED]", client_secret: "[REDACTED]", accept: "json" },
      accessToken: "[REDACTED]",
      note: "sent [REDACTED] with [REDACTED]",
      list: ["[REDACTED]", 5, null],
      err: { name: "Error", message: "failed for [REDACTED]", code: undefined },
      ab: "ab is too short to track",
    });
  });

  it("wraps a logger: bindings added, messages scrubbed, a throwing logger is contained", () => {
    const cap = capturingLogger();
    const log = createRedactingLogger(cap, values, { component: "report-api" });
    log.warn({ path: "/x" }, "token eyJ.token.one refused");
    expect(cap.logs).toEqual([{ level: "warn", obj: { component: "report-api", path: "/x" }, msg: "token [REDACTED] refused" }]);
    const broken = createRedactingLogger({ ...cap, error: () => { throw new Error("disk full"); } }, values, {});
    expect(() => broken.error({}, "x")).not.toThrow();
  });

  it("forgets old tokens beyond a bound but keeps fixed secrets", () => {
    const v = new SensitiveValues(["fixed-secret"]);
    for (let i = 0; i < 40; i++) v.add(`token-number-${i}`);
    expect(v.scrub("token-number-39 fixed-secret")).toBe("[REDACTED] [REDACTED]");
    expect(v.scrub("token-number-0")).toBe("token-number-0");
  });

  it("masks client ids to their last four characters", () => {
    expect(maskClientId("demo-partner-987654321")).toBe("…4321");
    expect(maskClientId("abc")).toBe("…");
  });
});
