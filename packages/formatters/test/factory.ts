import type { Report, ReportError, ReportFinding, ReportRule, Severity } from '@modelgate/plugin-api';

/** A file name that tries to clear the screen, move the cursor, retitle the terminal and reverse text. */
export const HOSTILE_NAME = 'evil\u001b[2J\u001b[H\u001b]0;pwned\u0007\r\nfake row\t\u202etxt.pkl';

let counter = 0;

export function rule(id: string, severity: Severity, extra: Partial<ReportRule> = {}): ReportRule {
  return {
    id,
    plugin: `@modelgate/plugin-${id.split('/')[0] ?? 'x'}`,
    description: `Detects ${id}.`,
    defaultSeverity: severity,
    severity,
    ...extra,
  };
}

export function finding(
  ruleId: string,
  severity: Severity,
  location: ReportFinding['location'],
  extra: Partial<ReportFinding> = {},
): ReportFinding {
  counter += 1;
  return {
    ruleId,
    severity,
    message: `${ruleId} matched`,
    messageId: 'matched',
    plugin: `@modelgate/plugin-${ruleId.split('/')[0] ?? 'x'}`,
    location,
    fingerprint: `fp-${ruleId}-${location.path}-${location.member ?? ''}-${counter}`,
    ...extra,
  };
}

export function makeReport(parts: Partial<Omit<Report, 'summary'>> & { summary?: Partial<Report['summary']> } = {}): Report {
  const findings = parts.findings ?? [];
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) if (f.suppressed === undefined) bySeverity[f.severity] += 1;
  const files = parts.files ?? [];
  return {
    schemaVersion: 1,
    tool: parts.tool ?? {
      name: 'modelgate',
      version: '0.1.0',
      plugins: [
        { name: '@modelgate/plugin-pickle', version: '0.1.0' },
        { name: '@modelgate/plugin-archive', version: '0.1.0' },
      ],
    },
    run: parts.run ?? {
      startedAt: '2025-01-02T03:04:05.678Z',
      durationMs: 1234,
      targets: ['.'],
      root: '/home/user/models',
      complete: true,
    },
    rules: parts.rules ?? [],
    files,
    findings,
    errors: parts.errors ?? [],
    inventory: parts.inventory ?? {},
    summary: {
      bySeverity,
      files: {
        scanned: files.filter((f) => f.status === 'scanned').length,
        skipped: files.filter((f) => f.status === 'skipped').length,
        errored: files.filter((f) => f.status === 'error').length,
      },
      bytes: { total: files.reduce((n, f) => n + f.size, 0), hashed: 0, read: 0 },
      ...parts.summary,
    },
  };
}

/** A report exercising every feature: members (nested), suppression, errors, awkward names. */
export function richReport(): Report {
  counter = 0;
  const rules = [
    rule('pickle/dangerous-global', 'critical', {
      docsUrl: 'https://modelgate.dev/rules/pickle/dangerous-global',
      tags: ['pickle', 'rce'],
      cwe: ['CWE-502'],
    }),
    rule('pickle/unknown-global', 'medium', { docsUrl: 'javascript:alert(1)' }),
    rule('archive/path-traversal', 'high', { description: 'Archive member escapes the extraction directory.\nSee docs.' }),
    rule('meta/license', 'low'),
    rule('meta/info', 'info', { description: '' }),
  ];
  const errors: ReportError[] = [
    { path: 'broken.pt', code: 'TIMEOUT', message: 'Scanner timed out after 30s' },
    { path: 'bundle.zip', member: 'nested.tar!/huge.bin', code: 'LIMIT_FILE_SIZE', message: 'Member exceeds limit' },
    { path: HOSTILE_NAME, code: 'EACCES', message: 'permission denied \u001b[31mred' },
  ];
  const findings: ReportFinding[] = [
    finding('pickle/dangerous-global', 'critical', { path: 'model.pkl', byteOffset: 42, logical: ['GLOBAL', 'os.system'] }, {
      evidence: { module: 'os', name: 'system', big: 12345678901234567890n, nested: { z: 1, a: [1, 2] } },
    }),
    finding('pickle/dangerous-global', 'critical', { path: 'bundle.zip', member: 'nested.tar!/weights.pkl', byteOffset: 7 }),
    finding('archive/path-traversal', 'high', { path: 'bundle.zip', member: '../../etc/passwd' }),
    finding('pickle/unknown-global', 'medium', { path: 'dir with space/mödel ünïcode 模型.pkl', byteOffset: 0 }),
    finding('meta/license', 'low', { path: 'README.md', line: 3 }),
    finding('meta/info', 'info', { path: '100%#?.bin' }),
    finding('pickle/unknown-global', 'medium', { path: HOSTILE_NAME }, {
      message: 'Imports \u001b[31mcolour\u001b[0m and\nnewline',
    }),
    finding('pickle/dangerous-global', 'critical', { path: 'accepted.pkl', byteOffset: 1 }, {
      suppressed: { reason: 'vetted internal model', source: '.modelgate.yml' },
    }),
    finding('custom/undeclared', 'high', { path: 'other.bin', line: 1 }),
  ];
  return makeReport({
    rules,
    files: [
      { path: 'model.pkl', size: 100, sha256: 'a'.repeat(64), format: 'pickle', status: 'scanned' },
      { path: 'bundle.zip', size: 2000, sha256: 'b'.repeat(64), format: 'zip', status: 'scanned' },
      { path: 'bundle.zip', member: 'nested.tar', size: 1500, format: 'tar', status: 'scanned' },
      { path: 'bundle.zip', member: 'nested.tar!/weights.pkl', size: 900, format: 'pickle', status: 'scanned' },
      { path: 'broken.pt', size: 10, status: 'error', reason: 'TIMEOUT' },
      { path: 'README.md', size: 5, format: 'text', status: 'skipped' },
    ],
    findings,
    errors,
    run: {
      startedAt: '2025-01-02T03:04:05.678Z',
      durationMs: 1234,
      targets: ['.'],
      root: '/home/user/my models',
      complete: false,
    },
  });
}
