import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelgate, safetensors, tempDir, writeTree } from './cli.js';

/** A safetensors file with bytes after its last tensor: one high `safetensors/trailing-data` finding. */
const trailing = () => Buffer.concat([Buffer.from(safetensors({ w: { dtype: 'F32', shape: [2] } })), Buffer.from('junk')]);
const json = (text: string) => JSON.parse(text);
const TRAILING = 'safetensors/trailing-data';

interface Finding { ruleId: string; location: { path: string }; fingerprint: string; suppressed?: { reason: string; source: string } }
const trailingFindings = (report: { findings: Finding[] }) => report.findings.filter((f) => f.ruleId === TRAILING);

function project(): string {
  const dir = tempDir();
  writeTree(dir, { 'models/a.safetensors': trailing(), 'tests/fixture.safetensors': trailing() });
  return dir;
}

describe('suppressions', () => {
  it('accepts findings by rule and path glob: kept in JSON, SARIF and the table, marked, and they never fail the run', () => {
    const dir = project();
    writeTree(dir, { '.modelgate-ignore.yaml': `suppressions:\n  - rule: ${TRAILING}\n    path: "tests/**"\n    reason: fixtures are broken on purpose\n` });
    const run = modelgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1); // models/a.safetensors still fails
    const report = json(run.stdout);
    expect(trailingFindings(report).map((f) => [f.location.path, f.suppressed])).toEqual([
      ['models/a.safetensors', undefined],
      ['tests/fixture.safetensors', { reason: 'fixtures are broken on purpose', source: 'ignore-file' }],
    ]);
    expect(report.summary.bySeverity.high).toBe(1);
    const sarif = json(modelgate(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout);
    const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toEqual([expect.objectContaining({ suppressions: [{ kind: 'external', status: 'accepted', justification: 'fixtures are broken on purpose', properties: { source: 'ignore-file' } }] })]);
    const table = modelgate(['scan', '.'], { cwd: dir });
    expect(table.stdout).toMatch(/Suppressed findings \(1\):[\s\S]*tests\/fixture\.safetensors[\s\S]*suppressed: fixtures are broken on/u);

    writeTree(dir, { '.modelgate-ignore.yaml': `suppressions:\n  - rule: ${TRAILING}\n    reason: all accepted\n` });
    const clean = modelgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(trailingFindings(json(clean.stdout)).every((f) => f.suppressed?.source === 'ignore-file')).toBe(true);
  });

  it('accepts one finding by fingerprint; finds the file next to the config, or takes --ignore-file', () => {
    const dir = project();
    const report = json(modelgate(['scan', '.', '--format', 'json'], { cwd: dir }).stdout);
    const [first, second] = trailingFindings(report);
    writeTree(dir, {
      'conf/modelgate.config.yaml': 'failOn: high\n',
      'conf/.modelgate-ignore.yaml': `suppressions:\n  - fingerprint: ${first!.fingerprint}\n    reason: one\n  - fingerprint: ${second!.fingerprint}\n    reason: two\n`,
      'other.yaml': `suppressions:\n  - fingerprint: ${first!.fingerprint}\n    reason: only the first\n`,
    });
    expect(modelgate(['scan', '.', '--config', 'conf/modelgate.config.yaml'], { cwd: dir }).status).toBe(0);
    const explicit = modelgate(['scan', '.', '--config', 'conf/modelgate.config.yaml', '--ignore-file', 'other.yaml', '--format', 'json'], { cwd: dir });
    expect(explicit.status).toBe(1);
    expect(trailingFindings(json(explicit.stdout)).map((f) => f.suppressed?.reason)).toEqual(['only the first', undefined]);
  });

  it('warns about expired and unused entries (stderr and report notices); expired entries stop suppressing; unknown rules warn', () => {
    const dir = project();
    writeTree(dir, {
      '.modelgate-ignore.yaml': [
        'suppressions:',
        `  - rule: ${TRAILING}`,
        '    reason: was accepted until 2020',
        '    expires: 2020-12-31',
        '  - rule: pickle/dangerous-global',
        '    reason: no pickles here',
        '  - rule: safetensors/no-such-rule',
        '    reason: typo',
        '  - path: "tests/**"',
        '    reason: until 2999',
        '    expires: 2999-01-01',
        '',
      ].join('\n'),
    });
    const run = modelgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.modelgate-ignore.yaml:2: suppression #1 (rule safetensors/trailing-data) expired on 2020-12-31; its findings count again');
    expect(run.stderr).toContain('.modelgate-ignore.yaml:5: suppression #2 (rule pickle/dangerous-global) matched no finding');
    expect(run.stderr).toContain('.modelgate-ignore.yaml:7: suppression #3 (rule safetensors/no-such-rule) names a rule no loaded plugin declares');
    const report = json(run.stdout);
    expect(report.notices.map((n: { code: string }) => n.code)).toEqual(['SUPPRESSION_EXPIRED', 'SUPPRESSION_UNUSED', 'SUPPRESSION_UNKNOWN_RULE']);
    expect(trailingFindings(report).map((f) => f.suppressed?.reason)).toEqual([undefined, 'until 2999']);
    expect(modelgate(['scan', '.', '-q'], { cwd: dir }).stderr).toBe('');
  });

  it('--prune-suppressions removes unused entries and keeps comments', () => {
    const dir = project();
    const path = join(dir, '.modelgate-ignore.yaml');
    writeFileSync(path, `# team policy\nsuppressions:\n  # fixtures\n  - path: "tests/**"\n    reason: fixtures\n  - rule: pickle/dangerous-global\n    reason: stale\n  - fingerprint: 0123\n    reason: stale too\n`);
    const run = modelgate(['scan', '.', '--prune-suppressions'], { cwd: dir });
    expect(run.stderr).toContain('removed 2 unused suppression(s) from');
    expect(run.stderr).not.toMatch(/matched no finding/u);
    expect(readFileSync(path, 'utf8')).toBe('# team policy\nsuppressions:\n  # fixtures\n  - path: "tests/**"\n    reason: fixtures\n');
    expect(modelgate(['scan', '.', '--prune-suppressions'], { cwd: dir }).stderr).toContain('no unused entries');
    expect(modelgate(['scan', '.', '--prune-suppressions', '--ignore-file', 'missing.yaml'], { cwd: dir }).status).toBe(2);
  });

  it.each([
    ['invalid YAML', 'suppressions:\n  - rule: a/b\n    reason: "unclosed\n', /\.modelgate-ignore\.yaml:\d+:\d+: invalid YAML/u],
    ['an entry with no reason', 'suppressions:\n  - rule: a/b\n  - path: x\n    reason: ok\n', /\.modelgate-ignore\.yaml:2:5: suppression 1 has no "reason"/u],
    ['a misspelt key', 'suppressions:\n  - rule: a/b\n    reasn: typo\n', /\.modelgate-ignore\.yaml:3:5: unknown key "reasn"/u],
    ['a bad date', 'suppressions:\n  - rule: a/b\n    reason: r\n    expires: next week\n', /\.modelgate-ignore\.yaml:4:14: "expires" must be a date written YYYY-MM-DD/u],
  ])('exits 2 on %s, naming line and column', (_, text, message) => {
    const dir = project();
    writeTree(dir, { '.modelgate-ignore.yaml': text });
    const run = modelgate(['scan', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('baselines', () => {
  it('--write-baseline records the findings; --baseline suppresses exactly those, so only new findings fail', () => {
    const dir = project();
    const written = modelgate(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(/baseline of \d+ finding\(s\) written to baseline\.json/u);
    const baseline = json(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline).toMatchObject({ modelgateBaseline: 1, tool: { name: 'modelgate', version: expect.stringMatching(/^\d+\.\d+\.\d+/u) }, fingerprintVersion: 1 });
    expect(baseline.rules).toContain(TRAILING);
    expect(baseline.findings.filter((f: Finding) => f.ruleId === TRAILING).map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['models/a.safetensors', 'tests/fixture.safetensors']),
    );

    expect(modelgate(['scan', '.', '--baseline', 'baseline.json'], { cwd: dir }).status).toBe(0);
    // Unrelated files do not disturb the old fingerprints; a new problem fails.
    writeTree(dir, { 'models/zz-new.safetensors': trailing(), 'aaa/notes.txt': 'hello', 'models/0.json': '{}' });
    const run = modelgate(['scan', '.', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const report = json(run.stdout);
    expect(trailingFindings(report).map((f) => [f.location.path, f.suppressed?.source])).toEqual([
      ['models/a.safetensors', 'baseline'],
      ['models/zz-new.safetensors', undefined],
      ['tests/fixture.safetensors', 'baseline'],
    ]);
  });

  it('still applies when the scan root moves or is named another way', () => {
    const dir = project();
    modelgate(['scan', '.', '--write-baseline', join(dir, '..', 'moved-baseline.json')], { cwd: dir });
    const moved = join(tempDir(), 'somewhere', 'else');
    cpSync(dir, moved, { recursive: true });
    const baseline = join(dir, '..', 'moved-baseline.json');
    expect(modelgate(['scan', moved, '--baseline', baseline]).status).toBe(0);
    expect(modelgate(['scan', `${moved}/`, '--baseline', baseline], { cwd: '/' }).status).toBe(0);
  });

  it('from another tool version: applies, with a warning that says why', () => {
    const dir = project();
    modelgate(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir });
    const path = join(dir, 'baseline.json');
    const old = json(readFileSync(path, 'utf8'));
    old.tool.version = '0.0.1';
    writeFileSync(path, JSON.stringify(old));
    const run = modelgate(['scan', '.', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/baseline baseline\.json was written by modelgate 0\.0\.1, this is \d+\.\d+\.\d+; it still applies \(same fingerprint scheme\)/u);
    expect(json(run.stdout).notices).toEqual([expect.objectContaining({ code: 'BASELINE_VERSION', level: 'warning' })]);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, 40), /corrupt baseline baseline\.json: not JSON/u],
    ['another file', () => '{"version":"2.1.0","runs":[]}', /not a modelgate baseline/u],
    ['a fingerprint missing', (text: string) => text.replace(/"fingerprint": "[^"]+"/u, '"fingerprint": 42'), /findings\[0\] has no "fingerprint"/u],
    ['another fingerprint scheme', (text: string) => text.replace('"fingerprintVersion": 1', '"fingerprintVersion": 2'), /uses fingerprint scheme v2 .* none of its fingerprints can match; re-create it with --write-baseline/u],
  ])('exits 2 on a baseline that is %s', (_, corrupt, message) => {
    const dir = project();
    modelgate(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir });
    const path = join(dir, 'baseline.json');
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const run = modelgate(['scan', '.', '--baseline', 'baseline.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 for a missing baseline', () => {
    const run = modelgate(['scan', '.', '--baseline', 'nope.json'], { cwd: project() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read baseline nope\.json/u);
  });
});

describe('filtering and overrides', () => {
  it('--severity changes what is shown, not what fails', () => {
    const dir = project();
    const shown = modelgate(['scan', '.', '--severity', 'critical', '--format', 'json'], { cwd: dir });
    expect(shown.status).toBe(1);
    const report = json(shown.stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary.bySeverity.high).toBe(2);
    expect(report.notices).toEqual([expect.objectContaining({ code: 'FINDINGS_FILTERED' })]);
    expect(modelgate(['scan', '.', '--severity', 'critical'], { cwd: dir }).stdout).toMatch(/No findings at or above critical\./u);
    expect(modelgate(['scan', '.', '--severity', 'info', '--fail-on', 'critical'], { cwd: dir }).status).toBe(0);
  });

  it('per-path overrides in the config: the last match wins', () => {
    const dir = project();
    writeTree(dir, {
      'modelgate.config.yaml': [
        'rules:',
        `  ${TRAILING}: critical`,
        'overrides:',
        '  - files: ["**"]',
        `    rules: { ${TRAILING}: off }`,
        '  - files: ["models/**"]',
        `    rules: { ${TRAILING}: low }`,
        '',
      ].join('\n'),
    });
    const run = modelgate(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(trailingFindings(json(run.stdout)).map((f) => [f.location.path, (f as unknown as { severity: string }).severity])).toEqual([['models/a.safetensors', 'low']]);
    writeTree(dir, { 'modelgate.config.yaml': `overrides:\n  - files: ["tests/**"]\n    rules: { safetensors/nope: off }\n` });
    const bad = modelgate(['scan', '.'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/overrides\[0\]\.rules" names unknown rule "safetensors\/nope"/u);
  });
});
