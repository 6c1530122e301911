import type { Report } from '@modelgate/plugin-api';
import { canonicalReport } from './canonical.js';

/**
 * Formats a report as JSON: two-space indentation, a trailing newline, and every object's keys in
 * the order the `Report` type declares them (unknown keys follow, sorted), so equal reports give
 * byte-identical output. Array order is kept as the report has it (the engine already sorts it).
 *
 * @param report - the report to format; not modified.
 * @returns the JSON text.
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}
