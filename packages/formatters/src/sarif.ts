/**
 * SARIF 2.1.0 output, shaped for GitHub code scanning (DESIGN.md §3).
 *
 * Layout decisions:
 * - One run. Rules live in `tool.driver.rules` (GitHub reads `security-severity` there); plugins
 *   are listed as `tool.extensions` (name and version only).
 * - A result's `artifactLocation.uri` is always the file on disk, relative to `%SRCROOT%` and
 *   percent-encoded, so GitHub can attach the alert to a file in the repository.
 * - Archive members are `run.artifacts[]` entries: one for the disk file that contains them, one
 *   per member level (`a.zip`, `a.zip` → `inner.tar`, `a.zip` → `inner.tar!/x.pkl`), each member
 *   pointing at its container with `parentIndex`. Their `location.uri` is the disk file's URI (a
 *   member has no URI of its own that tools understand); the member path is in `description.text`
 *   and `properties.member`. A result in a member references its artifact with
 *   `artifactLocation.index`, keeps the disk URI (equal to that artifact's URI, as SARIF requires),
 *   and names the member in its message text, since GitHub shows neither artifacts nor properties.
 * - `region.byteOffset` is relative to the artifact the result points at (the member for members).
 *   GitHub ignores byte offsets and needs a line to display an alert, so when a finding has no line
 *   `region.startLine` is `1` as a file-level anchor (`lineAnchor: false` turns this off).
 * - `security-severity`: critical 9.5, high 8.0, medium 5.5, low 2.0, info 0.0. GitHub maps scores
 *   below 0.1 to no security severity, so info rules never show up as security alerts.
 */
import { SEVERITIES, severityRank } from '@modelgate/plugin-api';
import type { Report, ReportError, ReportFile, ReportFinding, ReportRule, Severity } from '@modelgate/plugin-api';
import type {
  Artifact,
  ArtifactLocation,
  Invocation,
  Location,
  Log,
  Notification,
  PropertyBag,
  Region,
  ReportingDescriptor,
  Result,
  Run,
  ToolComponent,
} from 'sarif';
import { compareStrings, toJsonValue } from './canonical.js';
import { limitSarif, type SarifLimits } from './sarif-limits.js';
import { SRCROOT, artifactUri, directoryUri, httpUrl } from './uri.js';

/** The `$schema` written into every SARIF log. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The `partialFingerprints` key under which a finding's fingerprint is published. */
export const FINGERPRINT_KEY = 'modelgateFingerprint/v1';

/** GitHub `security-severity` score of each severity, as the string GitHub expects. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

/** Separator of nested archive members in `location.member`. */
const MEMBER_SEPARATOR = '!/';

/** Options of {@link toSarif} and {@link formatSarif}. */
export interface SarifOptions {
  /** `tool.driver.informationUri`; only `http:`/`https:` URLs are used. */
  informationUri?: string;
  /**
   * Publish the absolute scan root as `run.originalUriBaseIds['%SRCROOT%']`. Off by default: it
   * makes the log machine-specific and may reveal local directory names.
   */
  includeRoot?: boolean;
  /** Emit `region.startLine: 1` for findings without a line (see module doc). Default `true`. */
  lineAnchor?: boolean;
  /**
   * Upload limits (see `sarif-limits.ts`); GitHub's by default: at most 5,000 results and 10 MB
   * gzip-compressed. When exceeded, the most severe results are kept and a notification says so.
   */
  limits?: SarifLimits;
}

/**
 * The SARIF `level` of a severity: critical and high are `error`, medium `warning`, low and info
 * `note`.
 *
 * @param severity - a modelgate severity.
 * @returns the SARIF level.
 */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}

function worse(a: Severity, b: Severity): Severity {
  return severityRank(b) < severityRank(a) ? b : a;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/u, 1)[0]?.trim() ?? '';
  return line;
}

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function ruleTags(rule: ReportRule): string[] {
  const cwe = (rule.cwe ?? []).map((id) => `external/cwe/${id.toLowerCase()}`);
  return uniqueStrings(['security', ...(rule.tags ?? []), ...cwe]);
}

function describeRule(rule: ReportRule): ReportingDescriptor {
  const description = rule.description.trim() === '' ? rule.id : rule.description;
  const helpUri = httpUrl(rule.docsUrl);
  const properties: PropertyBag = {
    tags: ruleTags(rule),
    'security-severity': SECURITY_SEVERITY[rule.severity],
    severity: rule.severity,
    defaultSeverity: rule.defaultSeverity,
    plugin: rule.plugin,
  };
  if (rule.cwe !== undefined && rule.cwe.length > 0) properties['cwe'] = [...rule.cwe];
  return {
    id: rule.id,
    shortDescription: { text: firstLine(description) || rule.id },
    fullDescription: { text: description },
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties,
  };
}

/** Rules of the report, plus a synthesised rule for any finding whose rule was not declared. */
function buildRules(report: Report): { rules: ReportingDescriptor[]; index: Map<string, number> } {
  const declared: ReportRule[] = [];
  const seen = new Set<string>();
  for (const rule of report.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    declared.push(rule);
  }
  const undeclared = new Map<string, ReportRule>();
  for (const finding of report.findings) {
    if (seen.has(finding.ruleId)) continue;
    const known = undeclared.get(finding.ruleId);
    const severity = known === undefined ? finding.severity : worse(known.severity, finding.severity);
    undeclared.set(finding.ruleId, {
      id: finding.ruleId,
      plugin: known?.plugin ?? finding.plugin,
      description: finding.ruleId,
      defaultSeverity: severity,
      severity,
    });
  }
  const all = [
    ...declared,
    ...[...undeclared.values()].sort((a, b) => compareStrings(a.id, b.id)),
  ];
  const index = new Map<string, number>();
  all.forEach((rule, i) => index.set(rule.id, i));
  return { rules: all.map(describeRule), index };
}

/** Key of a (disk path, member) pair in maps. */
function entryKey(path: string, member: string | undefined): string {
  return member === undefined ? path : `${path}\u0000${member}`;
}

/** `inner.tar!/x.pkl` → [`inner.tar`, `inner.tar!/x.pkl`]. */
function memberChain(member: string): string[] {
  const parts = member.split(MEMBER_SEPARATOR);
  return parts.map((_, i) => parts.slice(0, i + 1).join(MEMBER_SEPARATOR));
}

function parentMember(member: string): string | undefined {
  const at = member.lastIndexOf(MEMBER_SEPARATOR);
  return at < 0 ? undefined : member.slice(0, at);
}

interface ArtifactTable {
  artifacts: Artifact[];
  indexOf(path: string, member?: string): number | undefined;
}

/** `run.artifacts[]`: the containers and members that findings or errors point into. */
function buildArtifacts(report: Report): ArtifactTable {
  const wanted = new Map<string, { path: string; member: string | undefined }>();
  const want = (path: string, member: string | undefined): void => {
    if (member === undefined || member === '') return;
    wanted.set(entryKey(path, undefined), { path, member: undefined });
    for (const level of memberChain(member)) wanted.set(entryKey(path, level), { path, member: level });
  };
  for (const finding of report.findings) want(finding.location.path, finding.location.member);
  for (const error of report.errors) want(error.path, error.member);

  const files = new Map<string, ReportFile>();
  for (const file of report.files) {
    const key = entryKey(file.path, file.member);
    if (!files.has(key)) files.set(key, file);
  }

  const entries = [...wanted.values()].sort(
    (a, b) => compareStrings(a.path, b.path) || compareStrings(a.member ?? '', b.member ?? ''),
  );
  const index = new Map<string, number>();
  entries.forEach((entry, i) => index.set(entryKey(entry.path, entry.member), i));

  const artifacts = entries.map((entry): Artifact => {
    const file = files.get(entryKey(entry.path, entry.member));
    const artifact: Artifact = { location: { ...artifactUri(entry.path) } };
    if (entry.member !== undefined) {
      const parent = parentMember(entry.member);
      artifact.parentIndex = index.get(entryKey(entry.path, parent));
      artifact.description = { text: `${entry.path}${MEMBER_SEPARATOR}${entry.member}` };
    }
    artifact.roles = ['analysisTarget'];
    if (file !== undefined) {
      artifact.length = file.size;
      if (file.sha256 !== undefined) artifact.hashes = { 'sha-256': file.sha256 };
    }
    const properties: PropertyBag = {};
    if (entry.member !== undefined) properties['member'] = entry.member;
    if (file?.format !== undefined) properties['format'] = file.format;
    if (Object.keys(properties).length > 0) artifact.properties = properties;
    return artifact;
  });

  return {
    artifacts,
    indexOf: (path, member) => index.get(entryKey(path, member === '' ? undefined : member)),
  };
}

function artifactLocation(table: ArtifactTable, path: string, member?: string): ArtifactLocation {
  const location: ArtifactLocation = { ...artifactUri(path) };
  const index = table.indexOf(path, member);
  if (index !== undefined) location.index = index;
  return location;
}

function isCount(value: number | undefined, min: number): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= min;
}

function region(finding: ReportFinding, lineAnchor: boolean): Region | undefined {
  const { line, byteOffset } = finding.location;
  const out: Region = {};
  if (isCount(line, 1)) out.startLine = line;
  else if (lineAnchor) out.startLine = 1;
  if (isCount(byteOffset, 0)) out.byteOffset = byteOffset;
  return Object.keys(out).length > 0 ? out : undefined;
}

function location(finding: ReportFinding, table: ArtifactTable, lineAnchor: boolean): Location {
  const { path, member, logical } = finding.location;
  const where = region(finding, lineAnchor);
  const out: Location = {
    physicalLocation: {
      artifactLocation: artifactLocation(table, path, member),
      ...(where === undefined ? {} : { region: where }),
    },
  };
  const names = (logical ?? []).filter((name) => typeof name === 'string');
  if (names.length > 0) {
    out.logicalLocations = [
      {
        name: names[names.length - 1] ?? '',
        fullyQualifiedName: names.join('/'),
        properties: { path: names },
      },
    ];
  }
  return out;
}

function messageText(finding: ReportFinding): string {
  const text = finding.message.trim() === '' ? finding.ruleId : finding.message;
  const member = finding.location.member;
  return member === undefined || member === '' ? text : `${text} [archive member: ${member}]`;
}

function result(
  finding: ReportFinding,
  rules: Map<string, number>,
  table: ArtifactTable,
  lineAnchor: boolean,
): Result {
  const properties: PropertyBag = {
    severity: finding.severity,
    plugin: finding.plugin,
    messageId: finding.messageId,
  };
  const member = finding.location.member;
  if (member !== undefined && member !== '') properties['member'] = member;
  if (finding.evidence !== undefined) properties['evidence'] = toJsonValue(finding.evidence);
  const out: Result = {
    ruleId: finding.ruleId,
    ruleIndex: rules.get(finding.ruleId) ?? -1,
    level: sarifLevel(finding.severity),
    message: { text: messageText(finding) },
    locations: [location(finding, table, lineAnchor)],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (finding.suppressed !== undefined) {
    out.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: finding.suppressed.reason,
        properties: { source: finding.suppressed.source },
      },
    ];
  }
  out.properties = properties;
  return out;
}

function notification(error: ReportError, table: ArtifactTable): Notification {
  const properties: PropertyBag = { code: error.code };
  if (error.member !== undefined && error.member !== '') properties['member'] = error.member;
  const where = error.member ? `${error.path}${MEMBER_SEPARATOR}${error.member}` : error.path;
  return {
    level: 'error',
    message: { text: where === '' ? `${error.code}: ${error.message}` : `${where}: ${error.code}: ${error.message}` },
    ...(error.path === ''
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(table, error.path, error.member) } }] }),
    properties,
  };
}

/** ISO 8601 UTC timestamp, or `undefined` when the input is not a valid date. */
function utc(ms: number): string | undefined {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function invocation(report: Report, table: ArtifactTable): Invocation {
  const started = Date.parse(report.run.startedAt);
  const startTimeUtc = utc(started);
  const endTimeUtc = Number.isFinite(report.run.durationMs) ? utc(started + report.run.durationMs) : undefined;
  return {
    executionSuccessful: report.run.complete,
    ...(startTimeUtc === undefined ? {} : { startTimeUtc }),
    ...(endTimeUtc === undefined ? {} : { endTimeUtc }),
    toolExecutionNotifications: report.errors.map((error) => notification(error, table)),
  };
}

function extensions(report: Report): ToolComponent[] {
  const seen = new Set<string>();
  const out: ToolComponent[] = [];
  for (const plugin of report.tool.plugins) {
    const key = `${plugin.name}@${plugin.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: plugin.name, version: plugin.version });
  }
  return out;
}

/**
 * Converts a report to a SARIF 2.1.0 log object (one run), ready for GitHub code scanning.
 * See the module documentation for how archive members, severities and regions are mapped.
 *
 * @param report - the report to convert; not modified.
 * @param options - see {@link SarifOptions}.
 * @returns the SARIF log.
 */
export function toSarif(report: Report, options: SarifOptions = {}): Log {
  const lineAnchor = options.lineAnchor ?? true;
  const { rules, index } = buildRules(report);
  const table = buildArtifacts(report);
  const informationUri = httpUrl(options.informationUri);
  const plugins = extensions(report);

  const driver: ToolComponent = {
    name: 'modelgate',
    version: report.tool.version,
    ...(informationUri === undefined ? {} : { informationUri }),
    rules,
  };
  const run: Run = {
    tool: { driver, ...(plugins.length > 0 ? { extensions: plugins } : {}) },
    invocations: [invocation(report, table)],
  };
  const root = options.includeRoot === true ? directoryUri(report.run.root) : undefined;
  if (root !== undefined) run.originalUriBaseIds = { [SRCROOT]: { uri: root } };
  if (table.artifacts.length > 0) run.artifacts = table.artifacts;
  run.results = report.findings.map((finding) => result(finding, index, table, lineAnchor));
  run.properties = {
    complete: report.run.complete,
    summary: {
      bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, report.summary.bySeverity[s]])),
      files: { ...report.summary.files },
    },
  };
  return limitSarif({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, options.limits);
}

/**
 * Formats a report as SARIF 2.1.0 JSON text (two-space indentation, trailing newline).
 * Deterministic: the same report and options always give the same bytes.
 *
 * @param report - the report to format; not modified.
 * @param options - see {@link SarifOptions}.
 * @returns the SARIF text.
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
