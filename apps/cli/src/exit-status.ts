import { isAtLeast, type Report, type Severity } from '@modelgate/plugin-api';
import { ExitCode } from './exit-codes.js';

/** A detection is never hidden by an error elsewhere; an incomplete scan never looks clean. */
export function exitStatus(report: Report, failOn: Severity): ExitCode {
  if (report.findings.some((f) => !f.suppressed && isAtLeast(f.severity, failOn))) return ExitCode.Findings;
  if (!report.run.complete) return ExitCode.Incomplete;
  return ExitCode.Clean;
}
