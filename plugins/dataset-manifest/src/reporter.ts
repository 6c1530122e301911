import type { FindingLocation, ScanContext } from '@modelgate/plugin-api';
import type { Rule } from './rule.js';

/** What a check passes along with a rule and message id. */
export interface FindingDetails {
  data?: Record<string, string | number>;
  location?: FindingLocation;
  evidence?: Record<string, unknown>;
  /** Root-relative path of the file the finding is about (usually the document). */
  path?: string;
}

/** Reports findings with a typed rule and message id. */
export type Report = <M extends string>(rule: Rule<M>, messageId: M, details?: FindingDetails) => void;

/**
 * Most findings one rule may report for one document. A hostile or badly broken manifest can
 * hold 100,000 wrong entries; past this cap the rest are counted, not reported, and
 * {@link Reporter.dropped} says how many were dropped per rule.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** A {@link Report} that also tells how many findings its cap dropped. */
export interface Reporter {
  report: Report;
  /** Rule name → findings dropped by the cap. */
  dropped(): Map<string, number>;
}

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext): Reporter {
  const counts = new Map<string, number>();
  const dropped = new Map<string, number>();
  const report: Report = (rule, messageId, details = {}) => {
    const count = counts.get(rule.name) ?? 0;
    if (count >= MAX_FINDINGS_PER_RULE) {
      dropped.set(rule.name, (dropped.get(rule.name) ?? 0) + 1);
      return;
    }
    counts.set(rule.name, count + 1);
    ctx.report({
      rule: rule.name,
      messageId,
      ...(details.data ? { data: details.data } : {}),
      ...(details.location ? { location: details.location } : {}),
      ...(details.evidence ? { evidence: details.evidence } : {}),
      ...(details.path !== undefined ? { path: details.path } : {}),
    });
  };
  return { report, dropped: () => dropped };
}
