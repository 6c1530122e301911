import type { Node, Pair } from 'yaml';

/** A top-level value of a YAML mapping with the 1-based lines it was written on. */
export interface LocatedValue {
  readonly value: unknown;
  /** Line of the key. */
  readonly line: number;
  /** Lines of the items when the value is a sequence. */
  readonly itemLines: readonly number[];
}

/** A parsed YAML mapping, every top-level key with its lines (duplicates kept in order). */
export interface YamlMapping {
  readonly keys: ReadonlyMap<string, readonly LocatedValue[]>;
}

/** A YAML document that could not be read, with the 1-based line of the problem. */
export interface YamlError {
  readonly error: string;
  readonly line?: number;
}

/** Most aliases expanded, so an alias bomb fails fast instead of filling memory. */
const MAX_ALIASES = 100;

/**
 * Parses YAML text whose root must be a mapping. Duplicate top-level keys are kept (each with
 * its line) instead of failing, so conflicting declarations can be reported. `lineOffset` is
 * added to every line (the front matter's position in its file). The YAML library is imported
 * on the first call: most scans have no YAML document for this plugin to read.
 */
export async function parseYamlMapping(text: string, lineOffset = 0): Promise<YamlMapping | YamlError> {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = await import('./yaml-library.js');
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, lineCounter, prettyErrors: true, strict: false });
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] ?? 'invalid YAML' };
  }
  const lineAt = (offset: number | undefined): number => (offset === undefined ? lineOffset + 1 : lineCounter.linePos(offset).line + lineOffset);
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    return { error: firstError.message.split('\n')[0] ?? 'invalid YAML', ...(line !== undefined && { line: line + lineOffset }) };
  }
  if (doc.contents === null) return { keys: new Map() };
  if (!isMap(doc.contents)) return { error: 'the document is not a mapping of keys to values', line: lineAt(doc.contents.range?.[0]) };
  const keys = new Map<string, LocatedValue[]>();
  for (const pair of doc.contents.items as Pair<unknown, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    let value: unknown;
    try {
      value = isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? (pair.value as Node).toJS(doc, { maxAliasCount: MAX_ALIASES }) : pair.value ?? null;
    } catch (error) {
      return { error: `${key}: ${(error as Error).message}`, line: lineAt((pair.key as Node).range?.[0]) };
    }
    const itemLines = isSeq(pair.value) ? pair.value.items.map((item) => lineAt((item as Node).range?.[0])) : [];
    const located: LocatedValue = { value, line: lineAt((pair.key as Node).range?.[0]), itemLines };
    keys.set(key, [...(keys.get(key) ?? []), located]);
  }
  return { keys };
}

/** True when parsing failed. */
export function isYamlError(result: YamlMapping | YamlError): result is YamlError {
  return 'error' in result;
}

/** The last value of a key (YAML loaders keep the last of duplicates). */
export function lastValue(mapping: YamlMapping, key: string): LocatedValue | undefined {
  const values = mapping.keys.get(key);
  return values?.[values.length - 1];
}
