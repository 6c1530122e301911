import type { ScanContext } from '@modelgate/plugin-api';
import { createCappedReporter, type ReportFn } from '@modelgate/plugin-kit';

export type { FindingDetails } from '@modelgate/plugin-kit';
/** Reports findings with a typed rule and message id (capped per rule, see the kit). */
export type Report = ReportFn;

/** Most findings one rule may report for one scan of requirement files (a 100,000-line file stays a small report). */
export const MAX_FINDINGS_PER_RULE = 100;

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext): Report {
  return createCappedReporter(ctx, { maxPerRule: MAX_FINDINGS_PER_RULE }).report;
}
