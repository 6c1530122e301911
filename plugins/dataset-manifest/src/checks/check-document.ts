import type { ManifestDocument } from '../documents/model.js';
import { checkCompleteness } from './completeness.js';
import type { CheckContext } from './context.js';
import { checkProvenance } from './provenance-checklist.js';
import { checkRows } from './row-checks.js';
import { verifyEntries } from './verify-entries.js';

/** Summary of one checked document, recorded in the report's inventory. */
export interface DocumentSummary {
  document: string;
  /** The document's kind (not `kind`: that key means something else to other inventory readers). */
  documentKind: string;
  entries: number;
  present: number;
  verified: number;
  complete: boolean;
}

/** Runs every check on one document: its own issues, entries, completeness, rows, provenance. */
export async function checkDocument(doc: ManifestDocument, all: readonly ManifestDocument[], cx: CheckContext): Promise<DocumentSummary> {
  for (const issue of doc.issues) {
    cx.report(issue.rule, issue.messageId, { path: doc.path, data: issue.data, ...(issue.line !== undefined && { location: { line: issue.line } }) });
  }
  const verified = verifyEntries(doc, cx);
  checkCompleteness(doc, verified.listed, cx);
  await checkRows(doc, verified.present, cx);
  checkProvenance(doc, all, cx);
  return { document: doc.path, documentKind: doc.kind, entries: doc.entries.length, present: verified.present.length, verified: verified.matched, complete: doc.complete };
}
