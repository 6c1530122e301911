import type { FindingLocation, ScanContext } from '@modelgate/plugin-api';
import type { Rule } from './rule.js';

/** What a check passes along with a rule and message id. */
export interface FindingDetails {
  data?: Record<string, string | number>;
  location?: FindingLocation;
  evidence?: Record<string, unknown>;
  /** Root-relative path of the file the finding is about. */
  path: string;
}

/** Reports findings with a typed rule and message id. */
export type Report = <M extends string>(rule: Rule<M>, messageId: M, details: FindingDetails) => void;

/**
 * Most findings one rule may report for one file. A 100,000-line requirements file of unpinned
 * names would otherwise produce 100,000 findings; the first ones already make the point.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/**
 * Wraps `ctx.report` with typed rule ids, the per-rule-and-file cap, and de-duplication: a file
 * included by several others is checked in each environment, but each finding is reported once.
 */
export function createReporter(ctx: ScanContext): Report {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  return (rule, messageId, details) => {
    const key = JSON.stringify([rule.name, messageId, details.path, details.location?.line, details.data]);
    if (seen.has(key)) return;
    seen.add(key);
    const countKey = `${rule.name}\0${details.path}`;
    const count = counts.get(countKey) ?? 0;
    if (count >= MAX_FINDINGS_PER_RULE) return;
    counts.set(countKey, count + 1);
    ctx.report({
      rule: rule.name,
      messageId,
      path: details.path,
      ...(details.data ? { data: details.data } : {}),
      ...(details.location ? { location: details.location } : {}),
      ...(details.evidence ? { evidence: details.evidence } : {}),
    });
  };
}
