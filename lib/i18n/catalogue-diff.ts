import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * How a translated catalogue differs from the English one: keys it lacks, keys English no longer has, and messages
 * whose placeholders differ (a missing `{partner}` or a renamed `<link>` would show raw text or drop a value).
 * Pure: used by tests/unit/catalogue-complete.test.ts and scripts/missing-translations.ts.
 */
export type CatalogueDiff = { missing: string[]; extra: string[]; placeholderMismatch: { key: string; english: string[]; translated: string[] }[]; unparsable: string[] };

type Tree = { [key: string]: unknown };

export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

/** The arguments and tags of one ICU message, as sorted "name:kind" entries (select options included). */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          found.add(`${el.value}:argument`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${el.value}:${TYPE[el.type]}`);
          break;
        case TYPE.plural:
          found.add(`${el.value}:plural`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.select:
          found.add(`${el.value}:select(${Object.keys(el.options).sort().join("|")})`);
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          found.add(`<${el.value}>`);
          walk(el.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

export function diffCatalogue(english: Tree, translated: Tree): CatalogueDiff {
  const en = flatten(english);
  const tr = flatten(translated);
  const diff: CatalogueDiff = { missing: [], extra: [], placeholderMismatch: [], unparsable: [] };
  for (const [key, message] of en) {
    const other = tr.get(key);
    if (other === undefined) {
      diff.missing.push(key);
      continue;
    }
    let a: string[];
    let b: string[];
    try {
      a = placeholders(message);
      b = placeholders(other);
    } catch {
      diff.unparsable.push(key);
      continue;
    }
    if (a.join() !== b.join()) diff.placeholderMismatch.push({ key, english: a, translated: b });
  }
  for (const key of tr.keys()) if (!en.has(key)) diff.extra.push(key);
  return diff;
}
