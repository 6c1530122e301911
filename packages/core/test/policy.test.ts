import type { Report, ReportFinding } from '@modelgate/plugin-api';
import { describe, expect, it } from 'vitest';
import {
  BaselineError,
  FINGERPRINT_VERSION,
  SuppressionFileError,
  applyPolicy,
  createBaseline,
  formatBaseline,
  parseBaseline,
  parseSuppressionFile,
  removeSuppressions,
  utcDate,
} from '../src/index.js';

function finding(ruleId: string, path: string, fingerprint: string, severity: ReportFinding['severity'] = 'high'): ReportFinding {
  return { ruleId, severity, message: `${ruleId} in ${path}`, messageId: 'm', plugin: 'p', location: { path }, fingerprint };
}

function report(findings: ReportFinding[], version = '0.1.0'): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'modelgate', version, plugins: [] },
    run: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1, targets: ['.'], root: '/r', complete: true },
    rules: ['safetensors/trailing-data', 'safetensors/header-too-large', 'pickle/dangerous-global'].map((id) => ({
      id, plugin: 'p', description: id, defaultSeverity: 'high' as const, severity: 'high' as const,
    })),
    files: [],
    findings,
    errors: [],
    inventory: {},
    summary: { bySeverity: { critical: 0, high: findings.length, medium: 0, low: 0, info: 0 }, files: { scanned: 0, skipped: 0, errored: 0 }, bytes: { total: 0, hashed: 0, read: 0 } },
  };
}

const sample = () =>
  report([
    finding('safetensors/trailing-data', 'tests/a.safetensors', 'f1'),
    finding('safetensors/trailing-data', 'models/b.safetensors', 'f2'),
    finding('pickle/dangerous-global', 'models/c.pkl', 'f3', 'critical'),
  ]);

describe('suppression files', () => {
  it('parse entries with their positions', () => {
    const file = parseSuppressionFile(
      '# accepted findings\nsuppressions:\n  - rule: safetensors/trailing-data\n    path: "tests/**"\n    reason: fixtures\n    expires: 2030-01-31\n  - fingerprint: f3\n    reason: vetted\n',
      'ignore.yaml',
    );
    expect(file.entries).toEqual([
      { index: 0, rule: 'safetensors/trailing-data', path: 'tests/**', reason: 'fixtures', expires: '2030-01-31', line: 3, column: 5 },
      { index: 1, fingerprint: 'f3', reason: 'vetted', line: 7, column: 5 },
    ]);
    expect(parseSuppressionFile('', 'x').entries).toEqual([]);
    expect(parseSuppressionFile('suppressions:\n', 'x').entries).toEqual([]);
  });

  it.each([
    ['invalid YAML', 'suppressions:\n  - rule: a/b\n    reason: [unclosed\n', /^bad\.yaml:\d+:\d+: invalid YAML/u],
    ['an entry without a reason', 'suppressions:\n  - rule: a/b\n    path: x\n', /^bad\.yaml:2:5: suppression 1 has no "reason"/u],
    ['an empty reason', 'suppressions:\n  - rule: a/b\n    reason: "  "\n', /^bad\.yaml:3:13: "reason" must not be empty/u],
    ['an unknown key', 'suppressions:\n  - rule: a/b\n    reson: typo\n', /^bad\.yaml:3:5: unknown key "reson"/u],
    ['a bad date', 'suppressions:\n  - rule: a/b\n    reason: r\n    expires: 2025-02-30\n', /^bad\.yaml:4:14: "expires" must be a date/u],
    ['a bad rule id', 'suppressions:\n  - rule: trailing-data\n    reason: r\n', /^bad\.yaml:2:11: "rule" must be a rule id/u],
    ['an entry matching everything', 'suppressions:\n  - reason: r\n', /^bad\.yaml:2:5: suppression 1 needs at least one of/u],
    ['a list at the top', '- rule: a/b\n  reason: r\n', /^bad\.yaml:1:1: expected a mapping/u],
    ['an unknown top-level key', 'suppresions: []\n', /^bad\.yaml:1:1: unknown key "suppresions"/u],
    ['a duplicate key', 'suppressions:\n  - rule: a/b\n    rule: c/d\n    reason: r\n', /^bad\.yaml:3:5: invalid YAML/u],
    ['an alias', 'x: &a\n  rule: a/b\n  reason: r\nsuppressions:\n  - *a\n', /unknown key "x"|aliases/u],
  ])('reject %s with line and column', (_, text, message) => {
    expect(() => parseSuppressionFile(text, 'bad.yaml')).toThrow(SuppressionFileError);
    expect(() => parseSuppressionFile(text, 'bad.yaml')).toThrow(message);
  });

  it('rewrite without some entries, keeping comments', () => {
    const text = '# keep me\nsuppressions:\n  # first\n  - rule: a/b\n    reason: one\n  - rule: c/d # inline\n    reason: two\n';
    const file = parseSuppressionFile(text, 'x');
    const out = removeSuppressions(file, new Set([0]));
    expect(out).toContain('# keep me');
    expect(out).toContain('c/d # inline');
    expect(out).not.toContain('a/b');
    expect(parseSuppressionFile(out, 'x').entries.map((e) => e.rule)).toEqual(['c/d']);
  });
});

describe('applyPolicy', () => {
  const today = '2026-01-15';

  it('marks matching findings suppressed, recounts the summary, and never drops a finding', () => {
    const suppressions = parseSuppressionFile('suppressions:\n  - rule: safetensors/trailing-data\n    path: "tests/**"\n    reason: fixtures\n', '.modelgate-ignore.yaml');
    const { report: out, unused } = applyPolicy(sample(), { suppressions, today });
    expect(out.findings.map((f) => f.suppressed)).toEqual([{ reason: 'fixtures', source: 'ignore-file' }, undefined, undefined]);
    expect(out.summary.bySeverity).toMatchObject({ critical: 1, high: 1 });
    expect(unused).toEqual([]);
    expect(out.notices).toBeUndefined();
  });

  it('warns about expired, unused and unknown-rule entries; expired entries stop suppressing', () => {
    const suppressions = parseSuppressionFile(
      [
        'suppressions:',
        '  - fingerprint: f3',
        '    reason: old exception',
        '    expires: 2026-01-14',
        '  - rule: safetensors/header-too-large',
        '    reason: nothing like that here',
        '  - rule: nosuch/rule',
        '    reason: typo',
        '  - path: "models/b.*"',
        '    reason: until tomorrow',
        '    expires: 2026-01-15',
      ].join('\n'),
      'ig.yaml',
    );
    const { report: out, unused } = applyPolicy(sample(), { suppressions, today });
    expect(out.findings.map((f) => f.suppressed?.reason)).toEqual([undefined, 'until tomorrow', undefined]);
    expect(out.notices).toEqual([
      expect.objectContaining({ level: 'warning', code: 'SUPPRESSION_EXPIRED', source: 'ig.yaml', line: 2, message: expect.stringContaining('expired on 2026-01-14; its findings count again') }),
      expect.objectContaining({ code: 'SUPPRESSION_UNUSED', line: 5 }),
      expect.objectContaining({ code: 'SUPPRESSION_UNKNOWN_RULE', line: 7 }),
    ]);
    expect(unused.map((e) => e.index)).toEqual([1, 2]);
  });

  it('suppresses exactly the baseline fingerprints, after the suppression file', () => {
    const baseline = createBaseline(sample());
    expect(baseline).toMatchObject({ modelgateBaseline: 1, fingerprintVersion: FINGERPRINT_VERSION, tool: { version: '0.1.0' }, rules: ['pickle/dangerous-global', 'safetensors/trailing-data'] });
    const later = report([...sample().findings, finding('pickle/dangerous-global', 'models/new.pkl', 'f4', 'critical')]);
    const suppressions = parseSuppressionFile('suppressions:\n  - fingerprint: f1\n    reason: explicit\n', 'ig.yaml');
    const { report: out } = applyPolicy(later, { suppressions, baseline: { path: 'base.json', baseline }, today });
    expect(out.findings.map((f) => f.suppressed)).toEqual([
      { reason: 'explicit', source: 'ignore-file' },
      { reason: 'in baseline base.json', source: 'baseline' },
      { reason: 'in baseline base.json', source: 'baseline' },
      undefined,
    ]);
    expect(out.summary.bySeverity.critical).toBe(1);
  });

  it('round-trips a baseline and still applies one from another tool version, with a warning', () => {
    const text = formatBaseline(createBaseline(sample()));
    expect(parseBaseline(text, 'b.json')).toEqual(createBaseline(sample()));
    const older = parseBaseline(text.replace('"version": "0.1.0"', '"version": "0.0.9"'), 'b.json');
    const { report: out } = applyPolicy(sample(), { baseline: { path: 'b.json', baseline: older }, today });
    expect(out.findings.every((f) => f.suppressed?.source === 'baseline')).toBe(true);
    expect(out.notices).toEqual([expect.objectContaining({ code: 'BASELINE_VERSION', message: expect.stringMatching(/written by modelgate 0\.0\.9, this is 0\.1\.0; it still applies/u) })]);
  });

  it.each([
    ['not JSON', '{"modelgateBaseline": 1,', /corrupt baseline b\.json: not JSON/u],
    ['another kind of file', '{"version": "2.1.0"}', /not a modelgate baseline/u],
    ['findings without fingerprints', '{"modelgateBaseline":1,"tool":{"version":"1"},"fingerprintVersion":1,"findings":[{"ruleId":"a/b"}]}', /findings\[0\] has no "fingerprint"/u],
    ['another fingerprint scheme', '{"modelgateBaseline":1,"tool":{"version":"9.0.0"},"fingerprintVersion":99,"findings":[]}', /fingerprint scheme v99 \(modelgate 9\.0\.0\), but this modelgate computes v1/u],
  ])('refuses a baseline that is %s', (_, text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.json')).toThrow(message);
  });

  it('gives today in UTC', () => {
    expect(utcDate(new Date('2026-03-04T23:59:59Z'))).toBe('2026-03-04');
  });
});
