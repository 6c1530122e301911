import type { Report } from '@modelgate/plugin-api';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import type { SarifOptions } from './sarif.js';
import { formatTable } from './table.js';
import type { TableOptions } from './table.js';

/** Every output format, the default (`table`) first. */
export const FORMATS = ['table', 'json', 'sarif'] as const;

/** An output format name. */
export type OutputFormat = (typeof FORMATS)[number];

/** Options of {@link formatReport}: each format reads the options it understands. */
export interface FormatOptions extends TableOptions, SarifOptions {}

/**
 * Type guard for a format name read from untrusted input (a CLI flag, a config file).
 *
 * @param value - anything.
 * @returns whether `value` is one of {@link FORMATS}.
 */
export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/**
 * Formats a report in the given format. `table` uses `color`, `severity` and `width`; `sarif`
 * uses `informationUri`, `includeRoot` and `lineAnchor`; `json` takes no options. The `severity`
 * filter applies to the table only: JSON and SARIF always carry every finding.
 *
 * @param report - the report to format; not modified.
 * @param format - one of {@link FORMATS}.
 * @param options - see {@link FormatOptions}.
 * @returns the formatted text, ending with a newline.
 */
export function formatReport(report: Report, format: OutputFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'table':
      return formatTable(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    default: {
      const unknown: never = format;
      throw new TypeError(`Unknown output format: ${String(unknown)}`);
    }
  }
}
