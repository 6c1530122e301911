import type { FindingLocation, ScanContext } from '@modelgate/plugin-api';
import type { Rule } from './rule.js';

/** What a check passes along with a rule and message id. */
export interface FindingDetails {
  data?: Record<string, string | number>;
  location?: FindingLocation;
  evidence?: Record<string, unknown>;
  /** Root-relative path of the file the finding is about. */
  path?: string;
}

/** Reports findings with a typed rule and message id. */
export type Report = <M extends string>(rule: Rule<M>, messageId: M, details?: FindingDetails) => void;

/** Most findings one rule may report in one scan, so a tree of thousands of cards keeps a small report. */
export const MAX_FINDINGS_PER_RULE = 200;

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext): Report {
  const counts = new Map<string, number>();
  return (rule, messageId, details = {}) => {
    const count = counts.get(rule.name) ?? 0;
    if (count >= MAX_FINDINGS_PER_RULE) return;
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
}
