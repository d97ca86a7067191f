import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvBatchWriter, csvToString, CsvDecimal, neutraliseFormula } from "./csv-writer";

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

  it("writes in batches exactly the bytes the stream writes", async () => {
    const rows = [["=1+1", new CsvDecimal("-125.50"), null], ["a,b", 3n, true], ["Ø \"q\"", 0, "x\r\ny"]];
    const w = csvBatchWriter(["a", "b", "c"]);
    expect(w.head() + w.rows(rows.slice(0, 1)) + w.rows([]) + w.rows(rows.slice(1))).toBe(await csvToString(["a", "b", "c"], rows));
  });
});
