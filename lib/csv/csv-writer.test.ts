import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvToString, neutraliseFormula } from "./csv-writer";

describe("csv writer", () => {
  it("neutralises formulas in text and leaves numbers alone", async () => {
    const csv = await csvToString(["a", "b"], [["=1+1", -125.5], ["@SUM(A1)", 3n], ["plain \"quoted\"", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toEqual([["a", "b"], ["'=1+1", "-125.5"], ["'@SUM(A1)", "3"], ['plain "quoted"', ""]]);
    expect(csv).toContain("\r\n");
  });

  it("only prefixes the characters a spreadsheet runs", () => {
    expect(["-x", "+x", "\tx", "\rx", "x=", "Ø"].map(neutraliseFormula)).toEqual(["'-x", "'+x", "'\tx", "'\rx", "x=", "Ø"]);
  });
});
