import type { Policy } from '../options.js';
import type { Report } from '../reporter.js';
import type { Problem } from '../tree/unit.js';
import type { UnitAnalysis } from './analyze.js';

/** What every rule's check gets. */
export interface CheckContext {
  readonly analyses: readonly UnitAnalysis[];
  readonly problems: readonly Problem[];
  readonly policy: Policy;
  readonly report: Report;
}
