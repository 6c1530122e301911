import { SEVERITIES, type Report, type ReportError, type ReportFile, type ReportFinding, type Severity } from '@modelgate/plugin-api';
import { assignFingerprints } from './fingerprint.js';
import { fillTemplate } from './message-template.js';
import type { RuleCatalog } from './rule-catalog.js';
import type { RawFinding, TaskOutcome } from './tasks.js';

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Findings in report order: path, member, offset, line, rule, message, logical location. */
export function sortFindings<F extends Omit<ReportFinding, 'fingerprint'>>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      compare(a.location.path, b.location.path) ||
      compare(a.location.member, b.location.member) ||
      compare(a.location.byteOffset, b.location.byteOffset) ||
      compare(a.location.line, b.location.line) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message) ||
      compare((a.location.logical ?? []).join('/'), (b.location.logical ?? []).join('/')),
  );
}

/** Resolves a raw finding's rule, severity (global and per-path settings) and message; undefined when its rule is off there. */
export function resolveFinding(raw: RawFinding, catalog: RuleCatalog): Omit<ReportFinding, 'fingerprint'> | undefined {
  const rule = catalog.get(`${raw.namespace}/${raw.rule}`);
  if (!rule) return undefined;
  // Per-path overrides (last match wins) can turn a rule off or change its severity for some files.
  const severity = catalog.severityAt(rule.id, raw.location.path);
  if (severity === undefined) return undefined;
  const template = rule.meta.messages[raw.messageId] ?? raw.messageId;
  return {
    ruleId: rule.id,
    severity,
    message: fillTemplate(template, raw.data),
    messageId: raw.messageId,
    plugin: rule.plugin.meta.name,
    location: raw.location,
    ...(raw.evidence && { evidence: raw.evidence }),
  };
}

/** Collects task outcomes and turns them into the sorted, deterministic {@link Report}. */
export class ReportBuilder {
  private readonly files: ReportFile[] = [];
  private readonly findings: Omit<ReportFinding, 'fingerprint'>[] = [];
  private readonly errors: ReportError[] = [];
  private readonly inventory = new Map<string, Map<string, Record<string, unknown>>>();
  private bytesTotal = 0;
  private bytesHashed = 0;
  private bytesRead = 0;

  constructor(private readonly catalog: RuleCatalog) {}

  /** Adds one outcome; returns its findings resolved (fingerprints are assigned at the end). */
  add(outcome: TaskOutcome): Omit<ReportFinding, 'fingerprint'>[] {
    this.files.push(...outcome.entries);
    this.errors.push(...outcome.errors);
    this.bytesHashed += outcome.bytesHashed;
    this.bytesRead += outcome.bytesRead;
    for (const { namespace, entry } of outcome.inventory) {
      const entries = this.inventory.get(namespace) ?? new Map<string, Record<string, unknown>>();
      entries.set(JSON.stringify(entry), entry); // the same fact recorded twice is listed once
      this.inventory.set(namespace, entries);
    }
    for (const entry of outcome.entries) if (entry.member === undefined) this.bytesTotal += entry.size;
    const resolved: Omit<ReportFinding, 'fingerprint'>[] = [];
    for (const raw of outcome.findings) {
      const id = `${raw.namespace}/${raw.rule}`;
      if (!this.catalog.get(id)) {
        // Never drop a detection silently: an undeclared rule is an error the report shows.
        this.errors.push({ path: raw.location.path, ...(raw.location.member !== undefined && { member: raw.location.member }), code: 'UNDECLARED_RULE', message: `finding of undeclared rule ${id} (${raw.messageId})` });
        continue;
      }
      const finding = resolveFinding(raw, this.catalog);
      if (finding) resolved.push(finding);
    }
    this.findings.push(...resolved);
    return resolved;
  }

  addFile(file: ReportFile): void {
    this.files.push(file);
    if (file.member === undefined) this.bytesTotal += file.size;
  }

  addError(error: ReportError): void {
    this.errors.push(error);
  }

  build(meta: { version: string; plugins: { name: string; version: string }[]; startedAt: string; durationMs: number; targets: string[]; root: string; cancelled: boolean }): Report {
    const files = [...this.files].sort((a, b) => compare(a.path, b.path) || compare(a.member, b.member));
    const sorted = sortFindings(this.findings);
    const errors = [...this.errors].sort(
      (a, b) => compare(a.path, b.path) || compare(a.member, b.member) || compare(a.code, b.code) || compare(a.message, b.message),
    );
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const finding of sorted) if (!finding.suppressed) bySeverity[finding.severity]++;
    const count = (status: ReportFile['status']) => files.filter((f) => f.status === status).length;
    return {
      schemaVersion: 1,
      tool: { name: 'modelgate', version: meta.version, plugins: meta.plugins },
      run: {
        startedAt: meta.startedAt,
        durationMs: meta.durationMs,
        targets: meta.targets,
        root: meta.root,
        complete: errors.length === 0 && !meta.cancelled,
      },
      rules: this.catalog.toReportRules(),
      files,
      findings: assignFingerprints(sorted),
      errors,
      inventory: Object.fromEntries(
        [...this.inventory.keys()].sort().map((namespace) => {
          const entries = this.inventory.get(namespace)!;
          return [namespace, [...entries.keys()].sort().map((key) => entries.get(key)!)];
        }),
      ),
      summary: {
        bySeverity,
        files: { scanned: count('scanned'), skipped: count('skipped'), errored: count('error') },
        bytes: { total: this.bytesTotal, hashed: this.bytesHashed, read: this.bytesRead },
      },
    };
  }
}
