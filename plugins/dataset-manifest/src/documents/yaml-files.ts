import { splitPrefixedDigest } from './digests.js';
import type { DeclaredDigest, DeclaredFile, EntryRole } from './model.js';
import type { ParsedYaml } from './parse-yaml.js';

const PATH_KEYS = ['path', 'file', 'filename', 'name'];
const DIGEST_KEYS = ['sha256', 'sha512', 'sha384', 'sha1', 'md5'];
const PREFIXED_KEYS = ['digest', 'hash', 'checksum'];
const MAP_KEYS = ['hashes', 'checksums', 'digests'];
const SIZE_KEYS = ['size', 'bytes'];
const ROW_KEYS = ['row_count', 'rows', 'num_rows'];

/** True for a plain (non-array) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** First present key of `keys` in `record`. */
export function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined) return record[key];
  return undefined;
}

/**
 * The digests an entry declares: `sha256:`/`md5:`… keys, `digest: "sha256:<hex>"`, or a
 * `hashes:` map. A bare `digest` without a prefix is taken as sha256 (and length-checked).
 */
export function entryDigests(record: Record<string, unknown>): DeclaredDigest[] {
  const digests: DeclaredDigest[] = [];
  for (const [key, value] of Object.entries(record)) {
    const lower = key.toLowerCase();
    if (DIGEST_KEYS.includes(lower) && value !== undefined) digests.push({ algorithm: lower, value });
    if (PREFIXED_KEYS.includes(lower) && value !== undefined) digests.push(splitPrefixedDigest(value) ?? { algorithm: 'sha256', value });
    if (MAP_KEYS.includes(lower) && isRecord(value)) {
      for (const [algorithm, digest] of Object.entries(value)) digests.push({ algorithm: algorithm.toLowerCase(), value: digest });
    }
  }
  return digests;
}

/** One declared file from a mapping entry (`{path, sha256, size, row_count}`). */
export function entryFromRecord(record: Record<string, unknown>, index: number, role: EntryRole, at: { line?: number | undefined; logical?: string[] }): DeclaredFile {
  return {
    path: pick(record, PATH_KEYS),
    index,
    ...(at.line !== undefined && { line: at.line }),
    ...(at.logical && { logical: at.logical }),
    digests: entryDigests(record),
    ...(pick(record, SIZE_KEYS) !== undefined && { size: pick(record, SIZE_KEYS) }),
    ...(pick(record, ROW_KEYS) !== undefined && { rowCount: pick(record, ROW_KEYS) }),
    role,
  };
}

/**
 * The `files` of a YAML document, in either form: a list (of mappings, or of bare paths) or a
 * mapping from path to a digest string or to a mapping. Lines come from the YAML nodes.
 */
export function filesFrom(value: unknown, parsed: ParsedYaml, key = 'files'): DeclaredFile[] {
  const files: DeclaredFile[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const at = { line: parsed.lineAt([key, i]), logical: [key, String(i)] };
      if (isRecord(item)) files.push(entryFromRecord(item, i + 1, 'file', at));
      else files.push({ path: item, index: i + 1, ...(at.line !== undefined && { line: at.line }), logical: at.logical, digests: [], role: 'file' });
    });
  } else if (isRecord(value)) {
    Object.entries(value).forEach(([path, item], i) => {
      const at = { line: parsed.lineAt([key, path]), logical: [key, path] };
      if (isRecord(item)) files.push({ ...entryFromRecord(item, i + 1, 'file', at), path });
      else {
        const digest = splitPrefixedDigest(item) ?? { algorithm: 'sha256', value: item };
        files.push({ path, index: i + 1, ...(at.line !== undefined && { line: at.line }), logical: at.logical, digests: item == null ? [] : [digest], role: 'file' });
      }
    });
  }
  return files;
}
