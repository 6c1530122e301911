import type { ManifestDocument } from '../documents/model.js';
import { isBelow } from '../paths.js';
import { fileUnlisted } from '../rules/file-unlisted.js';
import type { CheckContext } from './context.js';

/**
 * For documents that claim a complete listing: every file of the scan below the document's
 * directory must be listed, except the document itself and its `ignore` paths.
 */
export function checkCompleteness(doc: ManifestDocument, listed: ReadonlySet<string>, cx: CheckContext): void {
  if (!doc.complete) return;
  const directory = doc.baseDir || '.';
  for (const file of cx.directory.files) {
    if (file.path === doc.path || listed.has(file.path) || !isBelow(doc.baseDir, file.path)) continue;
    if (doc.ignore.some((ignored) => isBelow(ignored, file.path))) continue;
    cx.report(fileUnlisted, 'unlisted', { path: file.path, data: { file: file.path, document: doc.path, directory }, evidence: { document: doc.path } });
  }
}
