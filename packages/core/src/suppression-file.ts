/**
 * `.modelgate-ignore.yaml`: accepted findings, each with a reason. Parsed by hand from the YAML
 * syntax tree so every problem is reported with the line and column it is at.
 *
 * ```yaml
 * suppressions:
 *   - rule: safetensors/trailing-data     # rule id (`namespace/*` for a whole plugin)
 *     path: tests/fixtures/**             # glob on the root-relative file path
 *     reason: truncated on purpose        # required
 *     expires: 2026-06-30                 # optional: last day the entry applies
 *   - fingerprint: 0f3c…                  # one finding exactly
 *     reason: vetted by the security team
 * ```
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LineCounter, Node, Pair } from 'yaml';
import { ConfigError } from './config-file.js';
import { yamlModule } from './lazy-modules.js';

/** File names looked for next to the config file or in the working directory, in order. */
export const SUPPRESSION_FILE_NAMES = ['.modelgate-ignore.yaml', '.modelgate-ignore.yml'];

/** Largest suppression file read; anything bigger is refused rather than parsed. */
const MAX_BYTES = 4 * 1024 * 1024;

const ENTRY_KEYS = ['rule', 'path', 'fingerprint', 'reason', 'expires'] as const;

/** One entry of a suppression file. All of `rule`, `path` and `fingerprint` that are given must match. */
export interface Suppression {
  /** Position in the file's `suppressions` list (0-based). */
  index: number;
  /** Exact rule id, or `namespace/*`. */
  rule?: string;
  /** Glob matched against the finding's root-relative disk path. */
  path?: string;
  /** A finding's fingerprint, exactly. */
  fingerprint?: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry suppresses anything. */
  expires?: string;
  /** 1-based line and column where the entry starts. */
  line: number;
  column: number;
}

/** A parsed suppression file. */
export interface SuppressionFile {
  /** The path as given (for messages). */
  path: string;
  /** The file's text, kept so it can be rewritten without its unused entries. */
  text: string;
  entries: Suppression[];
}

/** A suppression file that cannot be used: the message starts with `file:line:column:`. */
export class SuppressionFileError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionFileError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Parses the text of a suppression file. Throws {@link SuppressionFileError} naming the line and
 * column of the first problem: YAML syntax, an unknown key, an entry without a `reason`, an entry
 * that matches nothing in particular, a malformed date.
 *
 * @param text - the file's content.
 * @param path - the file's path, for messages.
 * @returns the entries, in file order.
 */
export function parseSuppressionFile(text: string, path: string): SuppressionFile {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlModule();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const fail = (offset: number | undefined, message: string): never => {
    const { line, col } = lines.linePos(offset ?? 0);
    throw new SuppressionFileError(`${path}:${line}:${col}: ${message}`);
  };
  const first = doc.errors[0];
  if (first) {
    const { line, col } = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    throw new SuppressionFileError(`${path}:${line}:${col}: invalid YAML: ${first.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { path, text, entries: [] };
  if (!isMap(root)) return fail(root.range?.[0], 'expected a mapping with a "suppressions" list');
  let list: Node | null = null;
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'suppressions') list = pair.value;
    else if (key === 'version') {
      if (!isScalar(pair.value) || pair.value.value !== 1) fail(pair.value?.range?.[0] ?? pair.key.range?.[0], '"version" must be 1');
    } else fail(pair.key.range?.[0], `unknown key "${key}" (expected "suppressions")`);
  }
  if (list === null || (isScalar(list) && list.value === null)) return { path, text, entries: [] };
  if (!isSeq(list)) return fail(list.range?.[0], '"suppressions" must be a list');
  const entries = (list.items as Node[]).map((node, index) => parseEntry(node, index, fail, lines));
  return { path, text, entries };
}

function parseEntry(
  node: Node,
  index: number,
  fail: (offset: number | undefined, message: string) => never,
  lines: LineCounter,
): Suppression {
  const { isAlias, isMap, isScalar } = yamlModule();
  const start = node.range?.[0];
  const { line, col } = lines.linePos(start ?? 0);
  if (isAlias(node)) return fail(start, 'YAML aliases are not allowed in suppression files');
  if (!isMap(node)) return fail(start, `suppression ${index + 1} must be a mapping with a "reason"`);
  const fields: Partial<Record<(typeof ENTRY_KEYS)[number], string>> = {};
  for (const pair of node.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      fail(pair.key.range?.[0], `unknown key "${key}" (expected ${ENTRY_KEYS.join(', ')})`);
    }
    const value = pair.value;
    if (value === null || !isScalar(value) || value.value === null || typeof value.value === 'object') {
      fail(value?.range?.[0] ?? pair.key.range?.[0], `"${key}" must be a string`);
    }
    const text = String((value as { value: unknown }).value).trim();
    if (text === '') fail(value?.range?.[0], `"${key}" must not be empty`);
    fields[key as (typeof ENTRY_KEYS)[number]] = text;
  }
  if (fields.reason === undefined) return fail(start, `suppression ${index + 1} has no "reason": say why the finding is accepted`);
  if (fields.rule === undefined && fields.path === undefined && fields.fingerprint === undefined) {
    return fail(start, `suppression ${index + 1} needs at least one of "rule", "path" or "fingerprint"`);
  }
  if (fields.rule !== undefined && !/^[^/\s]+\/[^/\s]+$/u.test(fields.rule)) {
    fail(valueOffset(node, 'rule'), `"rule" must be a rule id like "namespace/rule" or "namespace/*", not "${fields.rule}"`);
  }
  if (fields.expires !== undefined && !isDate(fields.expires)) {
    fail(valueOffset(node, 'expires'), `"expires" must be a date written YYYY-MM-DD, not "${fields.expires}"`);
  }
  return { index, ...fields, reason: fields.reason, line, column: col };
}

function valueOffset(node: Node, key: string): number | undefined {
  const { isMap, isScalar } = yamlModule();
  if (!isMap(node)) return undefined;
  const pair = (node.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === key);
  return pair?.value?.range?.[0];
}

/**
 * Reads and parses a suppression file. Throws {@link SuppressionFileError} when it cannot be read
 * or is invalid.
 *
 * @param path - the file to read.
 */
export async function loadSuppressionFile(path: string): Promise<SuppressionFile> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    throw new SuppressionFileError(`cannot read suppression file ${path}: ${(error as Error).message}`);
  }
  return parseSuppressionFile(text, path);
}

/**
 * The suppression file in `dir`, if one of {@link SUPPRESSION_FILE_NAMES} exists there.
 *
 * @param dir - a directory (the config file's, or the working directory).
 */
export function findSuppressionFile(dir: string): string | undefined {
  return SUPPRESSION_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
}

/**
 * The text of a suppression file without some of its entries; comments and layout of the rest
 * are kept.
 *
 * @param file - the parsed file.
 * @param remove - indexes of the entries to drop.
 * @returns the new text.
 */
export function removeSuppressions(file: SuppressionFile, remove: ReadonlySet<number>): string {
  const { isMap, isSeq, parseDocument } = yamlModule();
  const doc = parseDocument(file.text, { uniqueKeys: true });
  const list = isMap(doc.contents) ? doc.contents.get('suppressions', true) : undefined;
  if (!isSeq(list) || remove.size === 0) return file.text;
  list.items = list.items.filter((_, index) => !remove.has(index));
  const text = doc.toString({ lineWidth: 0 });
  return text.endsWith('\n') ? text : `${text}\n`;
}
