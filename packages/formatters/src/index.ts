/**
 * `@modelgate/formatters`: pure functions that turn a modelgate `Report` into text for a terminal
 * (`table`), for machines (`json`) and for code scanning (`sarif`, SARIF 2.1.0). No I/O.
 */
export { FORMATS, formatReport, isOutputFormat } from './format-report.js';
export type { FormatOptions, OutputFormat } from './format-report.js';
export { formatJson } from './json.js';
export {
  FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
  SECURITY_SEVERITY,
  formatSarif,
  sarifLevel,
  toSarif,
} from './sarif.js';
export type { SarifOptions } from './sarif.js';
export { formatTable } from './table.js';
export type { TableOptions } from './table.js';
export { escapePath, escapeTerminal } from './escape.js';
