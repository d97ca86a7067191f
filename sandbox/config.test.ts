import { describe, expect, it } from "vitest";
import { ConfigError, optionsFromEnv, parseVolume } from "./config";

describe("options from the environment", () => {
  it("uses port 4010 and nothing else by default", () => {
    expect(optionsFromEnv({})).toEqual({ port: 4010 });
  });

  it("reads every SANDBOX_* variable", () => {
    const o = optionsFromEnv({
      SANDBOX_PORT: "0",
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_SEED: "s1",
      SANDBOX_TODAY: "2025-06-18",
      SANDBOX_ADMIN_SECRET: "x",
      SANDBOX_FAULTS: '[{"kind":"429","probability":0.1,"routes":"all"}]',
      SANDBOX_VOLUME: "302102:100000, 302101:5000",
      SANDBOX_PAGE_SIZE: "100",
      SANDBOX_TOKEN_SECONDS: "merchant=60,partner=30",
    });
    expect(o).toEqual({
      port: 0,
      host: "127.0.0.1",
      seed: "s1",
      today: "2025-06-18",
      adminSecret: "x",
      faults: { rules: [{ kind: "429", probability: 0.1, routes: "all" }] },
      volume: { "302102": 100_000, "302101": 5_000 },
      pageSize: 100,
      tokenSeconds: { merchant: 60, partner: 30 },
    });
  });

  it("refuses bad values with a message naming the variable", () => {
    const bad: Record<string, string>[] = [
      { SANDBOX_PORT: "http" },
      { SANDBOX_PORT: "70000" },
      { SANDBOX_TODAY: "2024-13-45" },
      { SANDBOX_FAULTS: "{not json" },
      { SANDBOX_FAULTS: '[{"kind":"teapot","count":1}]' },
      { SANDBOX_FAULTS: '[{"kind":"429"}]' },
      { SANDBOX_VOLUME: "302102=100" },
      { SANDBOX_PAGE_SIZE: "1001" },
      { SANDBOX_TOKEN_SECONDS: "admin=5" },
    ];
    for (const env of bad) {
      const name = Object.keys(env)[0]!;
      expect(() => optionsFromEnv(env), name).toThrow(ConfigError);
      expect(() => optionsFromEnv(env), name).toThrow(name);
    }
  });

  it("parses the volume list", () => {
    expect(parseVolume("302102:100000")).toEqual({ "302102": 100_000 });
    expect(parseVolume("")).toEqual({});
  });
});
