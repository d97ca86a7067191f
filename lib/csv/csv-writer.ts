import { stringify, type Options, type Stringifier } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import { Readable } from "node:stream";

/**
 * The one CSV writer of the portal (exports, journal, access log, audit trail): csv-stringify, RFC 4180 quoting,
 * CRLF line ends, and one rule against spreadsheet formula injection. A text cell that a spreadsheet would run
 * as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe. Numbers are
 * written as numbers and never altered: a negative amount stays "-125.50".
 */
export type CsvCell = string | number | bigint | boolean | CsvDecimal | null | undefined;

/**
 * An exact decimal (money converted from minor units as text, never through a float), written as a number:
 * unquoted and never altered by the formula rule, so "-125.50" stays "-125.50".
 */
export class CsvDecimal {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError("Not a decimal number");
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const CAST: Options["cast"] = {
  string: (value) => neutraliseFormula(value),
  number: (value) => String(value),
  bigint: (value) => value.toString(),
  boolean: (value) => (value ? "true" : "false"),
  date: (value) => value.toISOString(),
  object: (value) => (value instanceof CsvDecimal ? value.text : JSON.stringify(value)),
};
// bom: spreadsheet programs then read "ø", "å" and "æ" as UTF-8.
const OPTIONS = { bom: true, record_delimiter: "\r\n", quoted_string: true, cast: CAST } satisfies Options;

/** The writer's options, shared so an in-memory serialisation (tests, benchmarks) matches the stream byte for byte. */
export function csvStringifier(header: readonly string[] | null): Stringifier {
  return stringify({ ...OPTIONS, ...(header ? { header: true, columns: header.map((h) => ({ key: h, header: h })) } : {}) });
}

/**
 * The same writer for a producer that pulls rows in batches (the ledger exports): `head()` is the byte-order mark
 * and the header line, `rows(batch)` a whole batch's lines as one string, so a batch costs one call and one chunk
 * instead of a stream write per row. head() + rows(b1) + rows(b2) … is byte for byte what csvWebStream writes.
 */
export function csvBatchWriter(header: readonly string[]): { head(): string; rows(batch: readonly (readonly CsvCell[])[]): string } {
  const rowOptions = { ...OPTIONS, bom: false };
  return {
    head: () => stringifySync([[...header]], OPTIONS),
    rows: (batch) => (batch.length === 0 ? "" : stringifySync(batch as CsvCell[][], rowOptions)),
  };
}

/**
 * Streams rows as CSV: `rows` is an async iterable of arrays in the header's order (read from the database in
 * batches by the caller), so memory stays flat whatever the number of rows. Returns a web ReadableStream for a
 * route handler's Response; an error thrown by `rows` ends the stream with that error (never a file that looks
 * complete).
 */
export function csvWebStream(header: readonly string[], rows: AsyncIterable<readonly CsvCell[]>): ReadableStream<Uint8Array> {
  const stringifier = csvStringifier(null);
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield row.map((c) => (c === undefined ? null : c));
    })(),
  );
  source.on("error", (error) => stringifier.destroy(error));
  source.pipe(stringifier);
  return Readable.toWeb(stringifier) as unknown as ReadableStream<Uint8Array>;
}

/** The same bytes as csvWebStream, in memory: for tests and the in-memory baseline of the benchmarks. */
export async function csvToString(header: readonly string[], rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = csvWebStream(header, (async function* () { yield* rows; })());
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}
