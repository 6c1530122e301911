import type { ScanContext } from '@modelgate/plugin-api';
import { createCappedReporter, type CappedReporter, type ReportFn } from '@modelgate/plugin-kit';

export type { FindingDetails } from '@modelgate/plugin-kit';
/** Reports findings with a typed rule and message id (capped per rule, see the kit). */
export type Reporter = CappedReporter;
/** The reporting function of a {@link Reporter}. */
export type Report = ReportFn;

/** Most findings one rule may report for one document: past it the rest are counted (`dropped()`), not reported. */
export const MAX_FINDINGS_PER_RULE = 100;

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext): Reporter {
  return createCappedReporter(ctx, { maxPerRule: MAX_FINDINGS_PER_RULE });
}
