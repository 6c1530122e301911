import type { FindingLocation, ScanContext } from '@modelgate/plugin-api';
import type { Rule } from './rule.js';

/** What a check passes along with a rule and message id. */
export interface FindingDetails {
  data?: Record<string, string | number>;
  location?: FindingLocation;
  evidence?: Record<string, unknown>;
  /** Root-relative path of the file the finding is about, when not the scanned one. */
  path?: string;
}

/** Reports findings with a typed rule and message id. */
export type Report = <M extends string>(rule: Rule<M>, messageId: M, details?: FindingDetails) => void;

/**
 * Most findings one rule may report for one scanned file or directory. A hostile header can
 * hold millions of entries; past this cap the rest of that rule's findings are dropped so the
 * report stays small (the first ones already make the file fail).
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** Wraps `ctx.report` with typed rule ids and the per-rule cap. */
export function createReporter(ctx: ScanContext, defaultPath?: string): Report {
  const counts = new Map<string, number>();
  return (rule, messageId, details = {}) => {
    const count = counts.get(rule.name) ?? 0;
    if (count >= MAX_FINDINGS_PER_RULE) return;
    counts.set(rule.name, count + 1);
    const path = details.path ?? defaultPath;
    ctx.report({
      rule: rule.name,
      messageId,
      ...(details.data ? { data: details.data } : {}),
      ...(details.location ? { location: details.location } : {}),
      ...(details.evidence ? { evidence: details.evidence } : {}),
      ...(path !== undefined ? { path } : {}),
    });
  };
}
