/**
 * Canonical, JSON-safe copies of a report: known keys in the order the `Report` type declares
 * them, unknown keys (a newer plugin-api, a plugin's evidence) after them in code-unit order, so
 * the same report always serialises to the same bytes whatever order its objects were built in.
 */
import type { Report } from '@modelgate/plugin-api';

/** A value JSON can represent exactly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Declared key order of every object in a report, by its path from the root (`[]` for arrays). */
const KEY_ORDER: Readonly<Record<string, readonly string[]>> = {
  '': ['schemaVersion', 'tool', 'run', 'rules', 'files', 'findings', 'errors', 'inventory', 'summary', 'notices'],
  tool: ['name', 'version', 'plugins'],
  'tool.plugins[]': ['name', 'version'],
  run: ['startedAt', 'durationMs', 'targets', 'root', 'complete'],
  'rules[]': ['id', 'plugin', 'description', 'defaultSeverity', 'severity', 'docsUrl', 'tags', 'cwe'],
  'files[]': ['path', 'member', 'size', 'sha256', 'format', 'status', 'reason'],
  'findings[]': [
    'ruleId',
    'severity',
    'message',
    'messageId',
    'plugin',
    'location',
    'evidence',
    'fingerprint',
    'suppressed',
  ],
  'findings[].location': ['path', 'member', 'byteOffset', 'line', 'logical'],
  'findings[].suppressed': ['reason', 'source'],
  'errors[]': ['path', 'member', 'code', 'message'],
  'notices[]': ['level', 'code', 'message', 'source', 'line'],
  summary: ['bySeverity', 'files', 'bytes'],
  'summary.bySeverity': ['critical', 'high', 'medium', 'low', 'info'],
  'summary.files': ['scanned', 'skipped', 'errored'],
  'summary.bytes': ['total', 'hashed', 'read'],
};

/** A path no report object has: keys below it are sorted. */
const OPAQUE = '#';

/** Code-unit order: locale-independent, so output never depends on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The path of `key` in the object at `path`. */
function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Per declared path: its keys as a set, and the paths of its children (no string built per object). */
const DECLARED = new Map(
  Object.entries(KEY_ORDER).map(([path, keys]) => [path, { keys: new Set(keys), childPaths: new Map(keys.map((key) => [key, joinPath(path, key)])) }]),
);

function orderedKeys(value: object, path: string): string[] {
  const present = Object.keys(value);
  const declared = DECLARED.get(path);
  if (declared === undefined) return present.sort(compareStrings);
  const known = KEY_ORDER[path]!.filter((key) => Object.hasOwn(value, key));
  if (known.length === present.length) return known;
  return [...known, ...present.filter((key) => !declared.keys.has(key)).sort(compareStrings)];
}

function childPath(path: string, key: string): string {
  return DECLARED.get(path)?.childPaths.get(key) ?? joinPath(path, key);
}

/** `path` names the object's place in a report (see {@link KEY_ORDER}); other paths sort keys. */
function convert(value: unknown, path: string, seen: Set<object>): JsonValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      // undefined, functions and symbols are dropped, as JSON.stringify drops them.
      return undefined;
  }
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      return convert((toJSON as () => unknown).call(value), OPAQUE, seen);
    }
    if (Array.isArray(value)) {
      const itemPath = `${path}[]`;
      return value.map((item: unknown) => convert(item, itemPath, seen) ?? null);
    }
    if (ArrayBuffer.isView(value)) {
      return Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
    const record = value as Record<string, unknown>;
    const out: { [key: string]: JsonValue } = {};
    for (const key of orderedKeys(value, path)) {
      const item = record[key];
      // Strings and booleans, most of a report, need no call.
      const converted = typeof item === 'string' || typeof item === 'boolean' ? item : convert(item, childPath(path, key), seen);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Converts any value to plain JSON data with object keys sorted (code-unit order).
 * `bigint` becomes a decimal string, non-finite numbers `null`, typed arrays arrays of bytes,
 * cycles the string `"[Circular]"`; `undefined`, functions and symbols are dropped.
 *
 * @param value - e.g. a finding's `evidence`.
 * @returns a deterministic JSON value (`null` when nothing representable remains).
 */
export function toJsonValue(value: unknown): JsonValue {
  return convert(value, OPAQUE, new Set()) ?? null;
}

/**
 * A JSON-safe copy of a report with every object's keys in declared order (see module doc).
 *
 * @param report - the report to copy; not modified.
 * @returns plain data, ready for `JSON.stringify`.
 */
export function canonicalReport(report: Report): JsonValue {
  return convert(report, '', new Set()) ?? null;
}
