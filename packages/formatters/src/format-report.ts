import type { Report } from '@modelgate/plugin-api';
import { formatCycloneDx } from './cyclonedx/bom.js';
import { filterBySeverity } from './filter.js';
import { formatHtml } from './html/render.js';
import type { HtmlOptions } from './html/render.js';
import { formatJson } from './json.js';
import { formatNdjson } from './ndjson.js';
import { formatSarif } from './sarif.js';
import type { SarifOptions } from './sarif.js';
import { formatTable } from './table.js';
import type { OutputFormat } from './formats.js';
export { FORMATS, isOutputFormat } from './formats.js';
export type { OutputFormat } from './formats.js';
import type { TableOptions } from './table.js';

/** Options of {@link formatReport}: each format reads the options it understands. */
export interface FormatOptions extends TableOptions, SarifOptions, HtmlOptions {}


/**
 * Formats a report in the given format. `table` uses `color`, `severity` and `width`; `sarif`
 * uses `informationUri`, `includeRoot`, `lineAnchor` and `limits`; `html` uses `title`. The
 * `severity` filter applies to what each format shows: the table lists the rest as a count, JSON,
 * SARIF, HTML and NDJSON leave those findings out and say so in a notice (their summary still
 * counts every finding). `cyclonedx` describes models and datasets, not findings, so it ignores
 * it. `ndjson` of a finished report is its single `run-end` line (streaming is the CLI's job).
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
      return formatJson(filterBySeverity(report, options.severity));
    case 'sarif':
      return formatSarif(filterBySeverity(report, options.severity), options);
    case 'cyclonedx':
      return formatCycloneDx(report);
    case 'html':
      return formatHtml(filterBySeverity(report, options.severity), options);
    case 'ndjson':
      return formatNdjson(filterBySeverity(report, options.severity));
    default: {
      const unknown: never = format;
      throw new TypeError(`Unknown output format: ${String(unknown)}`);
    }
  }
}
