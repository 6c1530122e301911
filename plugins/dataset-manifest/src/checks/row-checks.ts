import type { ManifestDocument } from '../documents/model.js';
import { classifyPath, isBelow, resolvePath, shown } from '../paths.js';
import { dataKind } from '../rows/data-kind.js';
import { parseBounds, type DateBounds } from '../rows/dates.js';
import { measureData, type Measurement } from '../rows/measure.js';
import { dateOutOfRange } from '../rules/date-out-of-range.js';
import { entryInvalid } from '../rules/entry-invalid.js';
import { rowCountMismatch } from '../rules/row-count-mismatch.js';
import type { CheckContext, PresentEntry } from './context.js';
import { globMatcher } from './glob.js';

const MAX_FOOTER_BYTES = 64 * 1024 * 1024;

/**
 * Row counts and date ranges of one document: each entry's `row_count`, the manifest's
 * `validation.row_count` (over its data files) and `date_range`, and a dataset card's splits.
 */
export async function checkRows(doc: ManifestDocument, present: readonly PresentEntry[], cx: CheckContext): Promise<void> {
  const validation = doc.validation;
  const column = validation?.dateColumn;
  let bounds: DateBounds | undefined;
  if (validation?.dateRange && column) {
    bounds = parseBounds(validation.dateRange);
    if (!bounds) cx.report(entryInvalid, 'field', { path: doc.path, data: { entry: 'validation', document: doc.path, field: 'date_range', expected: 'two ISO-8601 dates' } });
  }
  const header = validation?.header ?? true;
  const measure = (path: string) => measureOnce(cx, path, { header, ...(column && bounds && { column, bounds }) });

  for (const entry of present) {
    if (cx.signal.aborted) return;
    if (entry.rowCount === undefined) continue;
    const at = { path: doc.path, ...(entry.line !== undefined && { location: { line: entry.line } }) };
    if (!isCount(entry.rowCount)) {
      cx.report(entryInvalid, 'field', { ...at, data: { entry: entry.path, document: doc.path, field: 'row_count', expected: 'a whole number' } });
      continue;
    }
    if (!dataKind(entry.path)) continue;
    const result = await measure(entry.path);
    if (!result.ok) cx.fail('ROWS_NOT_COUNTED', `${doc.path}: rows of ${entry.path} not counted: ${result.reason}`);
    else if (result.rows !== entry.rowCount) {
      cx.report(rowCountMismatch, 'file', { path: entry.path, data: { file: entry.path, document: doc.path, actual: result.rows, declared: entry.rowCount }, evidence: { document: doc.path, ...(entry.line !== undefined && { line: entry.line }) } });
    }
  }

  if (validation && (validation.rowCount !== undefined || bounds)) {
    const listed = present.filter((e) => dataKind(e.path)).map((e) => e.path);
    const files = doc.entries.length ? listed : cx.directory.files.filter((f) => isBelow(doc.baseDir, f.path) && dataKind(f.path)).map((f) => f.path);
    let total = 0;
    let counted = true;
    for (const path of files) {
      if (cx.signal.aborted) return;
      const result = await measure(path);
      if (!result.ok) {
        counted = false;
        cx.fail('ROWS_NOT_COUNTED', `${doc.path}: rows of ${path} not counted: ${result.reason}`);
        continue;
      }
      total += result.rows;
      const dates = result.dates;
      if (bounds && column && dates && dates.outside > 0) {
        cx.report(dateOutOfRange, 'outside', {
          path,
          data: { file: path, count: dates.outside, column, start: bounds.start, end: bounds.end, document: doc.path, min: dates.min ?? '?', max: dates.max ?? '?' },
          evidence: { document: doc.path, seen: dates.seen },
        });
      }
    }
    if (validation.rowCount !== undefined) {
      const at = { path: doc.path, ...(validation.line !== undefined && { location: { line: validation.line } }) };
      if (!isCount(validation.rowCount)) cx.report(entryInvalid, 'field', { ...at, data: { entry: 'validation', document: doc.path, field: 'row_count', expected: 'a whole number' } });
      else if (counted && files.length > 0 && total !== validation.rowCount) {
        cx.report(rowCountMismatch, 'total', { ...at, data: { document: doc.path, actual: total, declared: validation.rowCount }, evidence: { files: files.slice(0, 20) } });
      }
    }
  }

  for (const split of doc.splits ?? []) {
    if (cx.signal.aborted) return;
    const matchers = split.patterns.filter((p) => !classifyPath(p)).map((p) => globMatcher(resolvePath(doc.baseDir, p)));
    const files = cx.directory.files.filter((f) => dataKind(f.path) && matchers.some((m) => m.test(f.path))).map((f) => f.path);
    if (!files.length) continue;
    let total = 0;
    let counted = true;
    for (const path of files) {
      const result = await measureOnce(cx, path, { header: true });
      if (!result.ok) {
        counted = false;
        cx.fail('ROWS_NOT_COUNTED', `${doc.path}: rows of ${path} not counted: ${result.reason}`);
      } else total += result.rows;
    }
    if (counted && total !== split.numExamples) {
      cx.report(rowCountMismatch, 'split', {
        path: doc.path,
        ...(split.line !== undefined && { location: { line: split.line } }),
        data: { split: shown(split.split), document: doc.path, actual: total, declared: split.numExamples },
        evidence: { config: split.config, files: files.slice(0, 20) },
      });
    }
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Measures a data file once per scan (per date column). */
function measureOnce(cx: CheckContext, path: string, options: { header: boolean; column?: string; bounds?: DateBounds }): Promise<Measurement> {
  const key = `${path}\u0000${options.header}\u0000${options.column ?? ''}\u0000${options.bounds?.start ?? ''}\u0000${options.bounds?.end ?? ''}`;
  let result = cx.measured.get(key);
  if (!result) {
    const kind = dataKind(path)!;
    result = cx.directory
      .open(path)
      .then((file) => measureData(file, kind, { ...options, maxDataBytes: cx.options.maxDataBytes, maxFooterBytes: MAX_FOOTER_BYTES, signal: cx.signal }))
      .catch((error: unknown): Measurement => ({ ok: false, reason: error instanceof Error ? error.message : String(error) }));
    cx.measured.set(key, result);
  }
  return result;
}
