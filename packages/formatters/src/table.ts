/**
 * Human-readable terminal output: findings worst first, suppressed findings, errors, a summary.
 * Every piece of report text is escaped (see escape.ts) before it is measured, wrapped or coloured.
 */
import { SEVERITIES, isAtLeast, severityRank } from '@modelgate/plugin-api';
import type { Report, ReportError, ReportFinding, Severity } from '@modelgate/plugin-api';
import pc from 'picocolors';
import { compareStrings } from './canonical.js';
import { escapePath, escapeTerminal } from './escape.js';
import { displayWidth, wrapText } from './text-width.js';

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Colour severities and headings with ANSI escapes. Default `false`. */
  color?: boolean;
  /** Only list findings at or above this severity; the summary still counts all. */
  severity?: Severity;
  /** Terminal width in columns used to fit and wrap the table. Default 100; values below 60 count as 60. */
  width?: number;
}

type Colors = ReturnType<typeof pc.createColors>;
type Style = (text: string) => string;

/** One table cell: escaped single-line text and an optional style applied after layout. */
interface Cell {
  text: string;
  style?: Style;
}

/** A table column: its heading and the narrowest it may shrink to. */
interface Column {
  header: string;
  min: number;
}

const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 60;
const INDENT = '  ';
const GAP = '  ';

const FINDING_COLUMNS: readonly Column[] = [
  { header: 'SEVERITY', min: 8 },
  { header: 'RULE', min: 10 },
  { header: 'LOCATION', min: 12 },
  { header: 'MESSAGE', min: 16 },
];

const ERROR_COLUMNS: readonly Column[] = [
  { header: 'LOCATION', min: 12 },
  { header: 'CODE', min: 4 },
  { header: 'MESSAGE', min: 16 },
];

function severityStyle(c: Colors, severity: Severity): Style {
  switch (severity) {
    case 'critical':
      return (s) => c.bold(c.red(s));
    case 'high':
      return c.red;
    case 'medium':
      return c.yellow;
    case 'low':
      return c.cyan;
    default:
      return c.gray;
  }
}

/**
 * Column widths: each column's natural width, then, while the table is wider than `total`, the
 * widest column that is still above its minimum loses a column (ties: the later column), so long
 * cells share the space instead of one column being squeezed to its minimum.
 */
function fitWidths(columns: readonly Column[], rows: readonly Cell[][], total: number): number[] {
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i]?.text ?? ''))),
  );
  const floors = columns.map((column) => Math.max(column.min, displayWidth(column.header)));
  const budget = total - INDENT.length - GAP.length * (columns.length - 1);
  let excess = widths.reduce((sum, w) => sum + w, 0) - budget;
  while (excess > 0) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      const width = widths[i] ?? 0;
      if (width > (floors[i] ?? 0) && (pick < 0 || width >= (widths[pick] ?? 0))) pick = i;
    }
    if (pick < 0) break;
    widths[pick] = (widths[pick] ?? 0) - 1;
    excess -= 1;
  }
  return widths;
}

/** Renders rows under a heading row; cells wrap within their column, the last column is unpadded. */
function renderTable(c: Colors, columns: readonly Column[], rows: readonly Cell[][], total: number): string[] {
  const widths = fitWidths(columns, rows, total);
  const header: Cell[] = columns.map((column) => ({ text: column.header, style: c.bold }));
  const lines: string[] = [];
  for (const row of [header, ...rows]) {
    const wrapped = row.map((cell, i) => wrapText(cell.text, widths[i] ?? 1));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    for (let n = 0; n < height; n++) {
      const parts = row.map((cell, i) => {
        const text = wrapped[i]?.[n] ?? '';
        const styled = text === '' || cell.style === undefined ? text : cell.style(text);
        const last = i === row.length - 1;
        return last ? styled : styled + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(text)));
      });
      lines.push((INDENT + parts.join(GAP)).trimEnd());
    }
  }
  return lines;
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.location.path, b.location.path) ||
    compareStrings(a.location.member ?? '', b.location.member ?? '') ||
    (a.location.line ?? -1) - (b.location.line ?? -1) ||
    (a.location.byteOffset ?? -1) - (b.location.byteOffset ?? -1) ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** `path`, `path!/member`, escaped and quoted when needed. */
function displayTarget(path: string, member: string | undefined): string {
  return escapePath(member === undefined || member === '' ? path : `${path}!/${member}`);
}

function displayLocation(finding: ReportFinding): string {
  const { path, member, line, byteOffset } = finding.location;
  const target = displayTarget(path, member);
  if (line !== undefined) return `${target}:${line}`;
  if (byteOffset !== undefined) return `${target}@${byteOffset}`;
  return target;
}

function findingRow(c: Colors, finding: ReportFinding): Cell[] {
  let message = escapeTerminal(finding.message);
  if (finding.suppressed !== undefined) {
    const { reason, source } = finding.suppressed;
    message += ` (suppressed: ${escapeTerminal(reason)}; ${escapeTerminal(source)})`;
  }
  const dim = finding.suppressed === undefined ? undefined : c.dim;
  return [
    { text: escapeTerminal(finding.severity), style: dim ?? severityStyle(c, finding.severity) },
    { text: escapeTerminal(finding.ruleId), ...(dim ? { style: dim } : {}) },
    { text: displayLocation(finding), ...(dim ? { style: dim } : {}) },
    { text: message, ...(dim ? { style: dim } : {}) },
  ];
}

function errorRow(c: Colors, error: ReportError): Cell[] {
  return [
    { text: error.path === '' && !error.member ? '-' : displayTarget(error.path, error.member) },
    { text: escapeTerminal(error.code), style: c.red },
    { text: escapeTerminal(error.message) },
  ];
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function summaryLines(c: Colors, report: Report, suppressed: number, width: number): string[] {
  const { scanned, skipped, errored } = report.summary.files;
  const files = `Files: ${scanned} scanned, ${skipped} skipped, ${errored} errored`;
  const counts = SEVERITIES.map((severity) => {
    const count = report.summary.bySeverity[severity] ?? 0;
    const text = `${count} ${severity}`;
    return count > 0 ? severityStyle(c, severity)(text) : text;
  }).join(', ');
  const lines = [files, `Findings: ${counts}${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}`];
  if (!report.run.complete) {
    const errors = plural(report.errors.length, 'error');
    const warning = `Scan incomplete: ${errors}; some content was not scanned, so a clean result is not proof of safety.`;
    for (const line of wrapText(warning, width)) lines.push(c.bold(c.yellow(line)));
  }
  return lines;
}

/**
 * Formats a report for a terminal: a table of findings sorted worst first (severity, rule, file,
 * message) with columns aligned and long cells wrapped to `width`; suppressed findings in their
 * own table; then errors (location, code, message); then a summary of files and findings by
 * severity, marked "Scan incomplete" when `report.run.complete` is false. File names, members and
 * messages are escaped so they can neither inject terminal escape sequences nor break a row.
 *
 * @param report - the report to format; not modified.
 * @param options - colour, minimum severity shown, terminal width.
 * @returns the text, ending with a newline.
 */
export function formatTable(report: Report, options: TableOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const requested = options.width !== undefined && Number.isFinite(options.width) ? options.width : DEFAULT_WIDTH;
  const width = Math.max(MIN_WIDTH, Math.floor(requested));
  const threshold = options.severity;
  const visible = (finding: ReportFinding): boolean =>
    threshold === undefined || isAtLeast(finding.severity, threshold);

  const sorted = [...report.findings].sort(compareFindings);
  const active = sorted.filter((f) => f.suppressed === undefined);
  const suppressed = sorted.filter((f) => f.suppressed !== undefined);
  const shownActive = active.filter(visible);
  const shownSuppressed = suppressed.filter(visible);
  const hidden = active.length - shownActive.length + suppressed.length - shownSuppressed.length;

  const out: string[] = [];
  if (shownActive.length === 0) {
    out.push(
      threshold === undefined || active.length === 0
        ? 'No findings.'
        : `No findings at or above ${threshold}.`,
    );
  } else {
    out.push(c.bold(`Findings (${shownActive.length}):`));
    out.push(...renderTable(c, FINDING_COLUMNS, shownActive.map((f) => findingRow(c, f)), width));
  }
  if (shownSuppressed.length > 0) {
    out.push('', c.bold(`Suppressed findings (${shownSuppressed.length}):`));
    out.push(...renderTable(c, FINDING_COLUMNS, shownSuppressed.map((f) => findingRow(c, f)), width));
  }
  if (hidden > 0 && threshold !== undefined) {
    out.push('', `${plural(hidden, 'finding')} below ${threshold} not shown.`);
  }
  if (report.errors.length > 0) {
    out.push('', c.bold(c.red(`Errors (${report.errors.length}):`)));
    out.push(...renderTable(c, ERROR_COLUMNS, report.errors.map((e) => errorRow(c, e)), width));
  }
  out.push('', ...summaryLines(c, report, suppressed.length, width));
  return `${out.join('\n')}\n`;
}
