/**
 * Applying suppressions and a baseline to a finished report: matching findings are marked
 * `suppressed` (never removed), the summary counts only the rest, and warnings about the policy
 * itself (expired entries, unused entries, unknown rules, a baseline from another version) become
 * report notices.
 */
import picomatch from 'picomatch';
import { SEVERITIES, type Report, type ReportFinding, type ReportNotice, type Severity } from '@modelgate/plugin-api';
import type { Baseline } from './baseline.js';
import type { Suppression, SuppressionFile } from './suppression-file.js';

/** `suppressed.source` of findings a suppression file accepted. */
export const SOURCE_IGNORE_FILE = 'ignore-file';
/** `suppressed.source` of findings a baseline accepted. */
export const SOURCE_BASELINE = 'baseline';

/** What to apply. */
export interface PolicyInput {
  suppressions?: SuppressionFile;
  baseline?: { path: string; baseline: Baseline };
  /** Today as `YYYY-MM-DD` (UTC): entries whose `expires` is before it have expired. */
  today: string;
}

/** The report with the policy applied, and which suppression entries matched nothing. */
export interface PolicyResult {
  report: Report;
  /** Entries that matched no finding (expired or not): what `--prune-suppressions` removes. */
  unused: Suppression[];
}

interface CompiledEntry {
  entry: Suppression;
  matches: (finding: ReportFinding) => boolean;
  expired: boolean;
  used: boolean;
}

function compile(entry: Suppression, today: string): CompiledEntry {
  const glob = entry.path === undefined ? undefined : picomatch(entry.path, { dot: true });
  const rule = entry.rule;
  const ruleMatches = (id: string): boolean =>
    rule === undefined || id === rule || (rule.endsWith('/*') && id.startsWith(rule.slice(0, -1)));
  return {
    entry,
    expired: entry.expires !== undefined && entry.expires < today,
    used: false,
    matches: (finding) =>
      ruleMatches(finding.ruleId) &&
      (entry.fingerprint === undefined || finding.fingerprint === entry.fingerprint) &&
      (glob === undefined || glob(finding.location.path)),
  };
}

/** Whether a suppression's rule names a rule (or namespace) the report declares. */
function ruleKnown(rule: string, report: Report): boolean {
  if (rule.endsWith('/*')) {
    const prefix = rule.slice(0, -1);
    return report.rules.some((r) => r.id.startsWith(prefix));
  }
  return report.rules.some((r) => r.id === rule);
}

/**
 * Applies a suppression file and a baseline to a report. Suppression entries are tried in file
 * order and win over the baseline (their reason is more specific). Expired entries suppress
 * nothing and warn; entries that match nothing warn; entries naming a rule no loaded plugin
 * declares warn (they can never match, and are listed as unused). A baseline written by another
 * modelgate version still applies (fingerprints depend on the fingerprint scheme, which
 * `parseBaseline` checked, not on the version), with a warning that changed messages can make old
 * findings look new.
 *
 * @param report - the engine's report; not modified.
 * @param input - the policy to apply.
 * @returns a new report and the unused entries.
 */
export function applyPolicy(report: Report, input: PolicyInput): PolicyResult {
  const notices: ReportNotice[] = [...(report.notices ?? [])];
  const source = input.suppressions?.path;
  const entries = (input.suppressions?.entries ?? []).map((entry) => compile(entry, input.today));
  const baseline = input.baseline;
  const baselined = new Set(baseline?.baseline.findings.map((f) => f.fingerprint) ?? []);

  const findings = report.findings.map((finding): ReportFinding => {
    if (finding.suppressed !== undefined) return finding;
    let accepted: ReportFinding['suppressed'];
    for (const compiled of entries) {
      if (!compiled.matches(finding)) continue;
      compiled.used = true;
      if (!compiled.expired && accepted === undefined) accepted = { reason: compiled.entry.reason, source: SOURCE_IGNORE_FILE };
    }
    if (accepted === undefined && baselined.has(finding.fingerprint)) {
      accepted = { reason: `in baseline ${baseline?.path ?? ''}`.trim(), source: SOURCE_BASELINE };
    }
    return accepted === undefined ? finding : { ...finding, suppressed: accepted };
  });

  for (const { entry, expired, used } of entries) {
    const where = { ...(source !== undefined && { source }), line: entry.line };
    const what = describeEntry(entry);
    if (entry.rule !== undefined && !ruleKnown(entry.rule, report)) {
      notices.push({ level: 'warning', code: 'SUPPRESSION_UNKNOWN_RULE', message: `suppression ${what} names a rule no loaded plugin declares; it can never match`, ...where });
    } else if (expired) {
      notices.push({ level: 'warning', code: 'SUPPRESSION_EXPIRED', message: `suppression ${what} expired on ${entry.expires}${used ? '; its findings count again' : ''}`, ...where });
    } else if (!used) {
      notices.push({ level: 'warning', code: 'SUPPRESSION_UNUSED', message: `suppression ${what} matched no finding (remove it, or run with --prune-suppressions)`, ...where });
    }
  }
  if (baseline !== undefined && baseline.baseline.tool.version !== report.tool.version) {
    notices.push({
      level: 'warning',
      code: 'BASELINE_VERSION',
      source: baseline.path,
      message:
        `baseline ${baseline.path} was written by modelgate ${baseline.baseline.tool.version}, this is ${report.tool.version}; ` +
        'it still applies (same fingerprint scheme), but findings whose rule or message changed between versions show up as new: re-create it with --write-baseline to adopt them',
    });
  }

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) if (finding.suppressed === undefined) bySeverity[finding.severity]++;
  const out: Report = { ...report, findings, summary: { ...report.summary, bySeverity } };
  if (notices.length > 0) out.notices = notices;
  return { report: out, unused: entries.filter((e) => !e.used).map((e) => e.entry) };
}

/** `#2 (rule x/y, path a/**)` for messages. */
function describeEntry(entry: Suppression): string {
  const parts = [
    entry.rule !== undefined ? `rule ${entry.rule}` : undefined,
    entry.path !== undefined ? `path ${entry.path}` : undefined,
    entry.fingerprint !== undefined ? `fingerprint ${entry.fingerprint}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return `#${entry.index + 1} (${parts.join(', ')})`;
}

/**
 * Today's date in UTC as `YYYY-MM-DD`.
 *
 * @param now - the current time (injectable for tests).
 */
export function utcDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
