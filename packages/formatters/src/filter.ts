/**
 * The `--severity` view of a report: which findings an output shows. It never changes what fails
 * a run (that is `--fail-on`, decided on the full report).
 */
import { isAtLeast, type Report, type Severity } from '@modelgate/plugin-api';

/** Notice code of the note that findings were left out of an output. */
export const FILTERED_NOTICE = 'FINDINGS_FILTERED';

/**
 * A copy of the report with only the findings at or above `severity` (suppressed ones included
 * when they qualify), and an info notice saying how many were left out. The summary keeps the
 * counts of the full scan.
 *
 * @param report - the report; not modified.
 * @param severity - the lowest severity shown; `undefined` returns the report itself.
 */
export function filterBySeverity(report: Report, severity: Severity | undefined): Report {
  if (severity === undefined) return report;
  const findings = report.findings.filter((f) => isAtLeast(f.severity, severity));
  const hidden = report.findings.length - findings.length;
  if (hidden === 0) return report;
  return {
    ...report,
    findings,
    notices: [
      ...(report.notices ?? []),
      { level: 'info', code: FILTERED_NOTICE, message: `${hidden} finding${hidden === 1 ? '' : 's'} below ${severity} not shown (--severity ${severity}); the summary counts every finding` },
    ],
  };
}
