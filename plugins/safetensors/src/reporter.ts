import type { ScanContext } from '@modelgate/plugin-api';
import { createCappedReporter, type ReportFn } from '@modelgate/plugin-kit';

export type { FindingDetails } from '@modelgate/plugin-kit';
/** Reports findings with a typed rule and message id (capped per rule, see the kit). */
export type Report = ReportFn;

/** Most findings one rule may report for one scanned file or directory: a hostile header can hold millions of entries. */
export const MAX_FINDINGS_PER_RULE = 100;

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext, defaultPath?: string): Report {
  return createCappedReporter(ctx, { maxPerRule: MAX_FINDINGS_PER_RULE, ...(defaultPath !== undefined && { defaultPath }) }).report;
}
