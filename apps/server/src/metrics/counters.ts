import type { Report } from '@modelgate/plugin-api';
import type { Db } from '../db/database.js';

/** Upper bounds (seconds) of the scan duration histogram. */
export const DURATION_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600];

/** One stored counter value. */
export interface CounterValue {
  name: string;
  labels: string;
  value: number;
}

/**
 * Monotonic counters kept in the database, so `/metrics` never goes backwards across restarts or
 * when scans are deleted. Labels are stored pre-rendered (`severity="high"`).
 */
export class Counters {
  constructor(private readonly db: Db) {}

  add(name: string, labels: string, value: number): void {
    if (!value) return;
    this.db
      .prepare('INSERT INTO counters (name, labels, value) VALUES (?, ?, ?) ON CONFLICT (name, labels) DO UPDATE SET value = value + excluded.value')
      .run(name, labels, value);
  }

  all(): CounterValue[] {
    return this.db.prepare('SELECT name, labels, value FROM counters ORDER BY name, labels').all() as CounterValue[];
  }

  /** Counts a finished scan: files, bytes, findings by severity, duration histogram, final status. */
  recordScan(report: Report, status: string): void {
    this.add('modelgate_files_scanned_total', '', report.summary.files.scanned);
    this.add('modelgate_bytes_scanned_total', '', report.summary.bytes.total);
    for (const finding of report.findings) {
      if (!finding.suppressed) this.add('modelgate_findings_total', `severity="${finding.severity}"`, 1);
    }
    const seconds = report.run.durationMs / 1000;
    for (const bound of DURATION_BUCKETS) {
      if (seconds <= bound) this.add('modelgate_scan_duration_seconds_bucket', `le="${bound}"`, 1);
    }
    this.add('modelgate_scan_duration_seconds_bucket', 'le="+Inf"', 1);
    this.add('modelgate_scan_duration_seconds_sum', '', seconds || 1e-9);
    this.add('modelgate_scan_duration_seconds_count', '', 1);
    this.add('modelgate_scans_finished_total', `status="${status}"`, 1);
  }
}
