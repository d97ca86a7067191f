import { readFileSync } from "node:fs";
import { getSchema, type Attribute, type Enum, type Field, type Model } from "@mrleebo/prisma-ast";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";

/**
 * The SQL migrations (applied by dbmate) create the database; schema.prisma describes it to the client.
 * This proves they agree: same tables, columns, types, nullability, enums, unique keys and foreign keys.
 * A column added on one side only fails here, not in production.
 */
const schema = getSchema(readFileSync("prisma/schema.prisma", "utf8"));
const models = schema.list.filter((b): b is Model => b.type === "model");
const enums = schema.list.filter((b): b is Enum => b.type === "enum");
const enumNames = new Set(enums.map((e) => e.name));
const modelNames = new Set(models.map((m) => m.name));

const fieldsOf = (m: Model) => m.properties.filter((p): p is Field => p.type === "field");
const attr = (f: Field, name: string) => (f.attributes ?? []).find((a: Attribute) => a.name === name || `${a.group ?? ""}.${a.name}` === name);
const scalarFields = (m: Model) => fieldsOf(m).filter((f) => typeof f.fieldType === "string" && !modelNames.has(f.fieldType));

function expectedSqlType(f: Field): string {
  // PostgreSQL names an array type after its element type with a leading underscore (text[] is "_text").
  if (f.array) return `_${expectedSqlType({ ...f, array: false })}`;
  const t = f.fieldType as string;
  if (enumNames.has(t)) return t;
  const native = (f.attributes ?? []).find((a) => a.group === "db");
  if (native?.name === "Uuid") return "uuid";
  if (native?.name === "Date") return "date";
  if (native?.name === "Timestamptz") return "timestamptz";
  return ({ String: "text", Boolean: "bool", Int: "int4", BigInt: "int8", Json: "jsonb", DateTime: "timestamp" } as Record<string, string>)[t] ?? `unknown:${t}`;
}

interface Column { table_name: string; column_name: string; is_nullable: "YES" | "NO"; udt_name: string }

describe("schema.prisma and the migrated database", () => {
  it("have the same tables", async () => {
    const rows = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`;
    expect(rows.map((r) => r.table_name).sort()).toEqual([...modelNames].sort());
  });

  it("have the same columns, types and nullability", async () => {
    const columns = await db.$queryRaw<Column[]>`
      SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`;
    for (const m of models) {
      const actual = columns.filter((c) => c.table_name === m.name).map((c) => `${c.column_name} ${c.udt_name}${c.is_nullable === "YES" ? "?" : ""}`).sort();
      const expected = scalarFields(m).map((f) => `${f.name} ${expectedSqlType(f)}${f.optional ? "?" : ""}`).sort();
      expect({ model: m.name, columns: actual }).toEqual({ model: m.name, columns: expected });
    }
  });

  it("have the same enums and values", async () => {
    const rows = await db.$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(enums.map((e) => [e.name, e.enumerators.filter((x) => x.type === "enumerator").map((x) => (x as { name: string }).name)]));
    expect(actual).toEqual(expected);
  });

  it("have a unique index for every @unique and @@unique, and a foreign key for every relation", async () => {
    const uniques = await db.$queryRaw<{ table_name: string; cols: string[] }[]>`
      SELECT c.relname::text AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS cols
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisunique AND i.indpred IS NULL GROUP BY c.relname, i.indexrelid`;
    const fks = await db.$queryRaw<{ table_name: string; cols: string[]; ref: string }[]>`
      SELECT cl.relname::text AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS cols, rc.relname::text AS ref
      FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class rc ON rc.oid = co.confrelid
      CROSS JOIN LATERAL unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.attnum
      WHERE co.contype = 'f' GROUP BY cl.relname, co.oid, rc.relname`;
    const has = (list: { table_name: string; cols: string[] }[], table: string, cols: string[]) =>
      list.some((u) => u.table_name === table && u.cols.join(",") === cols.join(","));

    for (const m of models) {
      for (const f of scalarFields(m)) {
        if (attr(f, "unique")) expect(has(uniques, m.name, [f.name]), `${m.name}.${f.name} @unique`).toBe(true);
        if (attr(f, "id")) expect(has(uniques, m.name, [f.name]), `${m.name}.${f.name} @id`).toBe(true);
      }
      for (const p of m.properties) {
        if (p.type === "attribute" && (p.name === "unique" || p.name === "id")) {
          const arg = p.args?.[0]?.value as { type: string; args: string[] } | undefined;
          const cols = arg?.args ?? [];
          expect(has(uniques, m.name, cols), `${m.name} @@${p.name}(${cols.join(",")})`).toBe(true);
        }
      }
      for (const f of fieldsOf(m)) {
        const rel = attr(f, "relation");
        const fieldsArg = rel?.args?.find((a) => (a.value as { key?: string }).key === "fields")?.value as { value?: { args?: string[] } } | undefined;
        const cols = fieldsArg?.value?.args;
        if (!cols) continue;
        const fk = fks.find((k) => k.table_name === m.name && k.cols.join(",") === cols.join(",") && k.ref === f.fieldType);
        expect(fk, `${m.name}.${f.name} → ${String(f.fieldType)}`).toBeTruthy();
      }
    }
  });
});
