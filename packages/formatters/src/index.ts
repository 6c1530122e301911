/**
 * `@modelgate/formatters`: pure functions that turn a modelgate `Report` into text for a terminal
 * (`table`), for machines (`json`, `ndjson`), for code scanning (`sarif`, SARIF 2.1.0), for
 * inventories (`cyclonedx`, a CycloneDX 1.6 ML-BOM) and for people (`html`). No I/O.
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
export { filterBySeverity, FILTERED_NOTICE } from './filter.js';
export { formatNdjson, formatNdjsonEvent } from './ndjson.js';
export type { StreamEvent } from './ndjson.js';
export { formatHtml } from './html/render.js';
export type { HtmlOptions } from './html/render.js';
export { escapeHtml, visibleHtml } from './html/escape.js';
export { formatCycloneDx, toCycloneDx, PROPERTY_PREFIX } from './cyclonedx/bom.js';
export { findAssets } from './cyclonedx/assets.js';
export type { Asset, AssetFile } from './cyclonedx/assets.js';
export { GITHUB_MAX_GZIP_BYTES, GITHUB_MAX_RESULTS, TRUNCATED_NOTIFICATION_ID, limitSarif } from './sarif-limits.js';
export type { SarifLimits } from './sarif-limits.js';
