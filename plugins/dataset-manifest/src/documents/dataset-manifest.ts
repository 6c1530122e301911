import { fastReadManifest } from '../format/fast-read.js';
import { resolvePath } from '../paths.js';
import { emptyDocument, type DocumentPlace } from './base.js';
import { DocumentError, type DocumentKind, type ManifestDocument, type Validation } from './model.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { filesFrom, isRecord, pick } from './yaml-files.js';

/**
 * Reads `MANIFEST.yaml` / `manifest.yaml` (dataset manifests) and `modelgate-manifest.yaml`.
 * The exact layout `modelgate manifest create` writes takes a fast path; anything else goes
 * through the YAML parser. `complete: true` claims the `files` list covers the directory.
 */
export function readDatasetManifest(kind: DocumentKind, text: string, place: DocumentPlace): ManifestDocument {
  const doc = emptyDocument(kind, place);
  const fast = fastReadManifest(text);
  if (fast) {
    doc.complete = fast.complete;
    doc.entries = fast.files.map((f, i) => ({ path: f.path, index: i + 1, line: f.line, digests: [{ algorithm: 'sha256', value: f.sha256 }], size: f.size, role: 'file' }));
    return doc;
  }
  const parsed = parseYaml(text);
  const value = parsed.value;
  if (!isRecord(value)) throw new DocumentError('INVALID_MANIFEST', `the top level is ${describe(value)}, not a mapping`, 1, 1);
  doc.entries = filesFrom(value.files, parsed);
  doc.complete = value.complete === true;
  doc.ignore = ignoreList(pick(value, ['ignore', 'exclude']), place.baseDir);
  const validation = readValidation(value.validation, parsed);
  if (validation) doc.validation = validation;
  return doc;
}

/** `ignore:` paths, resolved against the manifest's directory. */
export function ignoreList(value: unknown, baseDir: string): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.filter((p): p is string => typeof p === 'string' && p !== '').map((p) => resolvePath(baseDir, p));
}

/** `validation:` — row_count, date_range (mapping or two-item list), date_column, header. */
function readValidation(value: unknown, parsed: ParsedYaml): Validation | undefined {
  if (!isRecord(value)) return undefined;
  const out: Validation = { header: value.header !== false };
  if (value.row_count !== undefined) {
    out.rowCount = value.row_count;
    const line = parsed.lineAt(['validation', 'row_count']);
    if (line !== undefined) out.line = line;
  }
  const range = value.date_range;
  let column = pick(value, ['date_column', 'date_field']);
  if (isRecord(range)) {
    const start = pick(range, ['start', 'from', 'min']);
    const end = pick(range, ['end', 'to', 'max']);
    column ??= pick(range, ['column', 'field']);
    if (start !== undefined && end !== undefined) out.dateRange = { start: String(start), end: String(end) };
  } else if (Array.isArray(range) && range.length === 2) {
    out.dateRange = { start: String(range[0]), end: String(range[1]) };
  }
  if (typeof column === 'string' && column !== '') out.dateColumn = column;
  return out;
}

/** A YAML value's type in words. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
