import { SEVERITIES } from '@modelgate/plugin-api';
import { SCAN_STATUSES, type ScanStatus } from '../scans/scan-record.js';
import { DURATION_BUCKETS, type CounterValue } from './counters.js';

/** The live numbers `/metrics` shows next to the stored counters. */
export interface MetricsSnapshot {
  scansByStatus: Record<ScanStatus, number>;
  queueLength: number;
  running: number;
  counters: CounterValue[];
}

function value(counters: CounterValue[], name: string, labels = ''): number {
  return counters.find((c) => c.name === name && c.labels === labels)?.value ?? 0;
}

/** Renders the Prometheus text exposition format (version 0.0.4). */
export function renderMetrics(snapshot: MetricsSnapshot): string {
  const { counters } = snapshot;
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, v] of samples) lines.push(`${name}${labels ? `{${labels}}` : ''} ${v}`);
  };
  metric('modelgate_scans', 'gauge', 'Scans in the database, by status.', SCAN_STATUSES.map((s) => [`status="${s}"`, snapshot.scansByStatus[s]]));
  metric('modelgate_scans_finished_total', 'counter', 'Scans that ended, by final status.', ['done', 'failed', 'cancelled'].map((s) => [`status="${s}"`, value(counters, 'modelgate_scans_finished_total', `status="${s}"`)]));
  metric('modelgate_queue_length', 'gauge', 'Scans waiting for a free slot.', [['', snapshot.queueLength]]);
  metric('modelgate_scans_running', 'gauge', 'Scans running now.', [['', snapshot.running]]);
  metric('modelgate_files_scanned_total', 'counter', 'Files scanned by finished scans.', [['', value(counters, 'modelgate_files_scanned_total')]]);
  metric('modelgate_bytes_scanned_total', 'counter', 'Bytes on disk covered by finished scans.', [['', value(counters, 'modelgate_bytes_scanned_total')]]);
  metric('modelgate_findings_total', 'counter', 'Unsuppressed findings of finished scans, by severity.', SEVERITIES.map((s) => [`severity="${s}"`, value(counters, 'modelgate_findings_total', `severity="${s}"`)]));
  const name = 'modelgate_scan_duration_seconds';
  lines.push(`# HELP ${name} Duration of finished scans.`, `# TYPE ${name} histogram`);
  for (const bound of [...DURATION_BUCKETS.map(String), '+Inf']) {
    lines.push(`${name}_bucket{le="${bound}"} ${value(counters, `${name}_bucket`, `le="${bound}"`)}`);
  }
  lines.push(`${name}_sum ${value(counters, `${name}_sum`)}`, `${name}_count ${value(counters, `${name}_count`)}`);
  return `${lines.join('\n')}\n`;
}
