import type { FindingLocation, ScanContext } from '@modelgate/plugin-api';
import type { DeclaredRule } from './declared-rule.js';

/** What a check passes along with a rule and message id. */
export interface FindingDetails {
  data?: Record<string, string | number>;
  location?: FindingLocation;
  evidence?: Record<string, unknown>;
  /** Root-relative path of the file the finding is about, when not the scanned one. */
  path?: string;
}

/** Reports a finding of a declared rule. */
export type ReportFn = <M extends string>(rule: DeclaredRule<M>, messageId: M, details?: FindingDetails) => void;

/** A {@link ReportFn} that also tells how many findings its cap dropped. */
export interface CappedReporter {
  report: ReportFn;
  /** Rule name → findings dropped by the cap. */
  dropped(): Map<string, number>;
}

/**
 * Wraps `ctx.report` with typed rules and a cap per rule: a hostile file can hold millions of
 * bad entries, and past `maxPerRule` findings of one rule the rest are counted, not reported,
 * so the report stays small (the first ones already make the file fail).
 */
export function createCappedReporter(ctx: ScanContext, options: { maxPerRule: number; defaultPath?: string }): CappedReporter {
  const counts = new Map<string, number>();
  const dropped = new Map<string, number>();
  const report: ReportFn = (rule, messageId, details = {}) => {
    const count = counts.get(rule.name) ?? 0;
    if (count >= options.maxPerRule) {
      dropped.set(rule.name, (dropped.get(rule.name) ?? 0) + 1);
      return;
    }
    counts.set(rule.name, count + 1);
    const path = details.path ?? options.defaultPath;
    ctx.report({
      rule: rule.name,
      messageId,
      ...(details.data && { data: details.data }),
      ...(details.location && { location: details.location }),
      ...(details.evidence && { evidence: details.evidence }),
      ...(path !== undefined && { path }),
    });
  };
  return { report, dropped: () => dropped };
}
