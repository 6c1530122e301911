import type { Rule } from '../rule.js';
import type { GlobalRecord } from '../machine/globals.js';

/** A finding produced by the analysis, before it is handed to the scan context. */
export interface AnalysisFinding {
  rule: Rule;
  messageId: string;
  data: Record<string, string | number>;
  /** Byte offset in the scanned file (for nested pickles: of the outer loader call). */
  at: number;
  evidence: Record<string, unknown>;
}

/** Where the analysis sends what it finds, as soon as it finds it. */
export interface AnalysisSink {
  finding(finding: AnalysisFinding): void;
  /** The globals of one analysed stream (for the inventory). */
  imports(records: Iterable<GlobalRecord>): void;
  /** The file could not be analysed completely. */
  fail(code: string, message: string): void;
}
