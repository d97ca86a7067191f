import { describe, expect, it } from "vitest";
import { catalogues } from "@/messages/en";

describe("message catalogue", () => {
  it("has no namespace defined in two feature files (one would silently hide the other)", () => {
    const seen = new Map<string, string>();
    for (const [file, messages] of Object.entries(catalogues)) {
      for (const ns of Object.keys(messages)) {
        expect(seen.get(ns), `namespace "${ns}" in ${file}.json and ${seen.get(ns)}.json`).toBeUndefined();
        seen.set(ns, file);
      }
    }
  });
});
