import { SEVERITIES, severityRank, type Report, type Severity } from '@modelgate/plugin-api';
import type { ScanSummary } from './scan-record.js';

/** The summary and worst unsuppressed severity of a report, for the scans table. */
export function summarize(report: Report): { summary: ScanSummary; worst: Severity | null } {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let worst: Severity | null = null;
  let findings = 0;
  for (const finding of report.findings) {
    if (finding.suppressed) continue;
    findings++;
    bySeverity[finding.severity]++;
    if (worst === null || severityRank(finding.severity) < severityRank(worst)) worst = finding.severity;
  }
  return { summary: { bySeverity, files: report.summary.files, errors: report.errors.length, findings }, worst };
}
