import type { DirectoryHandle, ScanContext } from '@modelgate/plugin-api';
import { checkDocument } from '../checks/check-document.js';
import type { CheckContext } from '../checks/context.js';
import type { DocumentPlace } from '../documents/base.js';
import { DocumentError, type DocumentKind, type ManifestDocument } from '../documents/model.js';
import { readDocument } from '../documents/read-document.js';
import { readOptions } from '../options.js';
import { createReporter } from '../reporter.js';
import { CARD_LIMIT, loadExternalText, loadScanText } from './load-text.js';

/** A document to check: where it is, what kind, and whether it lies outside the scan. */
export interface DocumentTarget extends DocumentPlace {
  kind: DocumentKind;
  external?: boolean;
}

/**
 * Reads every target (bounded), then checks each against the scan. A document that cannot be
 * analysed becomes `ctx.fail` with `path:line:column`; one that is not of its kind is skipped.
 */
export async function runDocuments(directory: DirectoryHandle, ctx: ScanContext, targets: readonly DocumentTarget[]): Promise<ManifestDocument[]> {
  const options = readOptions(ctx.options);
  const docs: ManifestDocument[] = [];
  for (const target of targets) {
    if (ctx.signal.aborted) return docs;
    try {
      const limit = target.kind === 'card-front-matter' ? CARD_LIMIT : { maxBytes: options.maxDocumentBytes };
      const text = target.external ? await loadExternalText(target.path, limit) : await loadScanText(directory, target.path, limit);
      const doc = readDocument(target.kind, text, target);
      if (doc) docs.push(doc);
    } catch (error) {
      if (error instanceof DocumentError) ctx.fail(error.code, error.describe(target.path));
      else ctx.fail('NOT_ANALYSABLE', `${target.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const measured = new Map();
  for (const doc of docs) {
    if (ctx.signal.aborted) break;
    const reporter = createReporter(ctx);
    const cx: CheckContext = { directory, report: reporter.report, options, signal: ctx.signal, fail: (code, message) => ctx.fail(code, message), measured };
    const summary = await checkDocument(doc, docs, cx);
    const dropped = Object.fromEntries(reporter.dropped());
    ctx.inventory({ ...summary, ...(Object.keys(dropped).length && { droppedFindings: dropped }) });
  }
  return docs;
}
