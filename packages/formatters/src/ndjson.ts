/**
 * NDJSON: one JSON object per line, for streaming the engine's events (`run-start`, `file`,
 * `progress`, …) as they happen and ending with `run-end`, whose `report` is the final report.
 */
import type { Report } from '@modelgate/plugin-api';
import { canonicalReport, toJsonValue, type JsonValue } from './canonical.js';

/** Any engine event: an object with a `type`. `run-end` carries the report. */
export interface StreamEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * One event as a line of NDJSON (ending with `\n`). A `run-end` event's report is written with
 * the report's declared key order (as `json` does); other events have their keys sorted. Values
 * JSON cannot represent are converted as in `formatJson` (bigint → string, NaN → null, …), and
 * an empty fingerprint (engines before 0.1 assigned them only at the end of the run) is left out. Line separators inside strings are escaped by JSON itself.
 *
 * @param event - an engine event.
 * @returns the line.
 */
export function formatNdjsonEvent(event: StreamEvent): string {
  if (event.type === 'run-end' && typeof event['report'] === 'object' && event['report'] !== null) {
    return `${JSON.stringify({ type: 'run-end', report: canonicalReport(event['report'] as Report) })}\n`;
  }
  const value = toJsonValue(event) as Record<string, JsonValue>;
  const findings = value['findings'];
  if (Array.isArray(findings)) {
    for (const finding of findings) {
      if (finding !== null && typeof finding === 'object' && !Array.isArray(finding) && finding['fingerprint'] === '') delete finding['fingerprint'];
    }
  }
  // `type` first, so a reader can dispatch on the first key.
  const { type, ...rest } = value;
  return `${JSON.stringify({ type, ...rest })}\n`;
}

/**
 * A finished report as NDJSON: a single `run-end` line (what a stream ends with).
 *
 * @param report - the report.
 * @returns one line.
 */
export function formatNdjson(report: Report): string {
  return formatNdjsonEvent({ type: 'run-end', report });
}
