import { describe, expect, it } from "vitest";
import { userText } from "./text";

const opts = { max: 10, tooLong: "too long", invalid: "invalid" };
const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues.map((i) => i.message));

describe("userText", () => {
  it("trims and accepts ordinary text, unicode included", () => {
    expect(userText(opts).parse("  Kjøp ☕  ")).toBe("Kjøp ☕");
  });

  it("refuses NUL, other C0/C1 controls and lone surrogates with one message", () => {
    for (const bad of ["a\u0000b", "\u0007", "a\u001bb", "\u0085", "x\ud800y"]) expect(issue(userText(opts).safeParse(bad))).toEqual(["invalid"]);
  });

  it("keeps tab and line breaks only where the field is multi-line", () => {
    expect(issue(userText(opts).safeParse("a\tb"))).toEqual(["invalid"]);
    expect(userText({ ...opts, multiline: true }).parse("a\tb\r\nc")).toBe("a\tb\r\nc");
    expect(issue(userText({ ...opts, multiline: true }).safeParse("a\u0000"))).toEqual(["invalid"]);
  });

  it("says 'too long' once for a long text, whatever it holds", () => {
    expect(issue(userText(opts).safeParse("\u0000".repeat(100_000)))).toEqual(["too long"]);
  });

  it("refuses what is not text with the notText message", () => {
    expect(issue(userText({ ...opts, notText: "say something" }).safeParse(5))).toEqual(["say something"]);
  });
});
