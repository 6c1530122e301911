import { readFileSync } from 'node:fs';
import type { Log, Result, Run } from 'sarif';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_KEY,
  SARIF_SCHEMA_URI,
  SECURITY_SEVERITY,
  formatSarif,
  sarifLevel,
  toSarif,
} from '../src/index.js';
import { HOSTILE_NAME, finding, makeReport, richReport, rule } from './factory.js';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = formatsModule.default;

/** The official OASIS schema, from `../shared` beside the repository root. */
const SCHEMA_URL = new URL('../../../../shared/data/schemas/sarif-schema-2.1.0.json', import.meta.url);

function compileValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  // The schema is draft-04; the keywords it uses mean the same in Ajv's default draft-07 mode,
  // only the draft-04 `$schema`/`id` headers have to go.
  delete schema['$schema'];
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = compileValidator();

function expectValid(text: string): Log {
  const log = JSON.parse(text) as Log;
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

function onlyRun(log: Log): Run {
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  if (run === undefined) throw new Error('no run');
  return run;
}

function resultFor(run: Run, predicate: (r: Result) => boolean): Result {
  const found = (run.results ?? []).find(predicate);
  if (found === undefined) throw new Error('result not found');
  return found;
}

describe('formatSarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(formatSarif(richReport()));
    expectValid(formatSarif(richReport(), { includeRoot: true, informationUri: 'https://example.com/modelgate' }));
    expectValid(formatSarif(richReport(), { lineAnchor: false }));
    expectValid(formatSarif(makeReport()));
  });

  it('the validator really rejects a broken log', () => {
    const log = toSarif(richReport()) as unknown as { runs: { results: { level: string }[] }[] };
    const first = log.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    expect(validate(log)).toBe(false);
    // Formats are checked too: an unencoded space is not a valid uri-reference.
    const spaced = toSarif(richReport());
    const location = spaced.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation;
    if (location) location.uri = 'dir with space/m.pkl';
    expect(validate(spaced)).toBe(false);
  });

  it('has the header, one run, and the modelgate driver', () => {
    const log = expectValid(formatSarif(richReport(), { informationUri: 'https://example.com/modelgate' }));
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    const driver = onlyRun(log).tool.driver;
    expect(driver.name).toBe('modelgate');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://example.com/modelgate');
    expect(onlyRun(log).tool.extensions).toEqual([
      { name: '@modelgate/plugin-pickle', version: '0.1.0' },
      { name: '@modelgate/plugin-archive', version: '0.1.0' },
    ]);
  });

  it('meets GitHub code scanning essentials', () => {
    const run = onlyRun(expectValid(formatSarif(richReport())));
    const rules = run.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
      expect(r.properties?.tags).toContain('security');
      expect(r.shortDescription?.text).toBeTruthy();
      expect(r.defaultConfiguration?.level).toMatch(/^(error|warning|note)$/);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    const results = run.results ?? [];
    expect(results).toHaveLength(richReport().findings.length);
    for (const result of results) {
      expect(result.locations?.length).toBeGreaterThanOrEqual(1);
      const physical = result.locations?.[0]?.physicalLocation;
      expect(physical?.artifactLocation?.uri).toBeTruthy();
      expect(physical?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^fp-/);
      expect(result.ruleIndex).toBeTypeOf('number');
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(result.message.text).toBeTruthy();
    }
  });

  it('maps severities to levels and security-severity scores', () => {
    expect(sarifLevel('critical')).toBe('error');
    expect(sarifLevel('high')).toBe('error');
    expect(sarifLevel('medium')).toBe('warning');
    expect(sarifLevel('low')).toBe('note');
    expect(sarifLevel('info')).toBe('note');
    expect(SECURITY_SEVERITY).toEqual({ critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: '0.0' });
    const run = onlyRun(toSarif(richReport()));
    const byId = new Map((run.tool.driver.rules ?? []).map((r) => [r.id, r]));
    expect(byId.get('pickle/dangerous-global')?.properties?.['security-severity']).toBe('9.5');
    expect(byId.get('archive/path-traversal')?.properties?.['security-severity']).toBe('8.0');
    expect(byId.get('meta/info')?.properties?.['security-severity']).toBe('0.0');
    const medium = resultFor(run, (r) => r.ruleId === 'pickle/unknown-global');
    expect(medium.level).toBe('warning');
    expect(medium.properties?.['severity']).toBe('medium');
  });

  it('publishes rule metadata: descriptions, safe help links, CWE tags', () => {
    const rules = onlyRun(toSarif(richReport())).tool.driver.rules ?? [];
    const dangerous = rules.find((r) => r.id === 'pickle/dangerous-global');
    expect(dangerous?.helpUri).toBe('https://modelgate.dev/rules/pickle/dangerous-global');
    expect(dangerous?.properties?.tags).toEqual(['security', 'pickle', 'rce', 'external/cwe/cwe-502']);
    const unsafeLink = rules.find((r) => r.id === 'pickle/unknown-global');
    expect(unsafeLink?.helpUri).toBeUndefined();
    const traversal = rules.find((r) => r.id === 'archive/path-traversal');
    expect(traversal?.shortDescription?.text).toBe('Archive member escapes the extraction directory.');
    expect(traversal?.fullDescription?.text).toContain('See docs.');
  });

  it('synthesises a rule for a finding whose rule was not declared', () => {
    const run = onlyRun(toSarif(richReport()));
    const result = resultFor(run, (r) => r.ruleId === 'custom/undeclared');
    const descriptor = run.tool.driver.rules?.[result.ruleIndex ?? -1];
    expect(descriptor?.id).toBe('custom/undeclared');
    expect(descriptor?.properties?.['security-severity']).toBe('8.0');
  });

  it('percent-encodes disk paths relative to %SRCROOT%', () => {
    const run = onlyRun(expectValid(formatSarif(richReport())));
    const uris = (run.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    for (const location of uris) expect(location?.uriBaseId).toBe('%SRCROOT%');
    const all = uris.map((l) => l?.uri);
    expect(all).toContain('dir%20with%20space/m%C3%B6del%20%C3%BCn%C3%AFcode%20%E6%A8%A1%E5%9E%8B.pkl');
    expect(all).toContain('100%25%23%3F.bin');
    for (const uri of all) expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
    const hostile = all.find((u) => u?.startsWith('evil'));
    expect(hostile).toBeDefined();
    expect(decodeURIComponent(hostile ?? '')).toBe(HOSTILE_NAME);
  });

  it('publishes the scan root only on request', () => {
    expect(onlyRun(toSarif(richReport())).originalUriBaseIds).toBeUndefined();
    const run = onlyRun(toSarif(richReport(), { includeRoot: true }));
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/user/my%20models/' } });
  });

  it('models archive members as nested artifacts', () => {
    const run = onlyRun(expectValid(formatSarif(richReport())));
    const artifacts = run.artifacts ?? [];
    const result = resultFor(run, (r) => r.properties?.['member'] === 'nested.tar!/weights.pkl');
    const location = result.locations?.[0]?.physicalLocation;
    expect(location?.artifactLocation?.uri).toBe('bundle.zip');
    expect(location?.region?.byteOffset).toBe(7);
    expect(result.message.text).toContain('nested.tar!/weights.pkl');

    const member = artifacts[location?.artifactLocation?.index ?? -1];
    expect(member?.properties?.['member']).toBe('nested.tar!/weights.pkl');
    expect(member?.location?.uri).toBe(location?.artifactLocation?.uri);
    expect(member?.length).toBe(900);
    const tar = artifacts[member?.parentIndex ?? -1];
    expect(tar?.properties?.['member']).toBe('nested.tar');
    expect(tar?.length).toBe(1500);
    const zip = artifacts[tar?.parentIndex ?? -1];
    expect(zip?.location?.uri).toBe('bundle.zip');
    expect(zip?.parentIndex).toBeUndefined();
    expect(zip?.properties?.['member']).toBeUndefined();
    expect(zip?.hashes).toEqual({ 'sha-256': 'b'.repeat(64) });

    // Every member chain ends at a disk artifact; indices are in range and acyclic.
    artifacts.forEach((artifact, i) => {
      let at: number | undefined = i;
      for (let steps = 0; at !== undefined; steps++) {
        expect(steps).toBeLessThan(artifacts.length);
        expect(artifacts[at]).toBeDefined();
        at = artifacts[at]?.parentIndex;
      }
    });
    // A finding on a plain file (no member) does not create artifacts.
    expect(artifacts.every((a) => a.location?.uri === 'bundle.zip')).toBe(true);
  });

  it('keeps byte offsets, lines and logical locations', () => {
    const run = onlyRun(toSarif(richReport()));
    const pickle = resultFor(run, (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'model.pkl');
    expect(pickle.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 1, byteOffset: 42 });
    expect(pickle.locations?.[0]?.logicalLocations).toEqual([
      { name: 'os.system', fullyQualifiedName: 'GLOBAL/os.system', properties: { path: ['GLOBAL', 'os.system'] } },
    ]);
    expect(pickle.properties?.['evidence']).toEqual({
      big: '12345678901234567890',
      module: 'os',
      name: 'system',
      nested: { a: [1, 2], z: 1 },
    });
    const readme = resultFor(run, (r) => r.ruleId === 'meta/license');
    expect(readme.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 3 });

    const exact = onlyRun(toSarif(richReport(), { lineAnchor: false }));
    const raw = resultFor(exact, (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'model.pkl');
    expect(raw.locations?.[0]?.physicalLocation?.region).toEqual({ byteOffset: 42 });
    const noRegion = resultFor(exact, (r) => r.ruleId === 'archive/path-traversal');
    expect(noRegion.locations?.[0]?.physicalLocation?.region).toBeUndefined();
  });

  it('turns suppressed findings into external suppressions', () => {
    const run = onlyRun(toSarif(richReport()));
    const suppressed = (run.results ?? []).filter((r) => r.suppressions !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'vetted internal model',
        properties: { source: '.modelgate.yml' },
      },
    ]);
  });

  it('reports errors as tool execution notifications', () => {
    const run = onlyRun(toSarif(richReport()));
    const invocation = run.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.startTimeUtc).toBe('2025-01-02T03:04:05.678Z');
    expect(invocation?.endTimeUtc).toBe('2025-01-02T03:04:06.912Z');
    const notes = invocation?.toolExecutionNotifications ?? [];
    expect(notes).toHaveLength(3);
    for (const note of notes) expect(note.level).toBe('error');
    expect(notes[0]?.message.text).toBe('broken.pt: TIMEOUT: Scanner timed out after 30s');
    expect(notes[0]?.properties?.['code']).toBe('TIMEOUT');
    const memberNote = notes[1]?.locations?.[0]?.physicalLocation?.artifactLocation;
    expect(run.artifacts?.[memberNote?.index ?? -1]?.properties?.['member']).toBe('nested.tar!/huge.bin');

    const clean = onlyRun(toSarif(makeReport()));
    expect(clean.invocations?.[0]?.executionSuccessful).toBe(true);
    expect(clean.invocations?.[0]?.toolExecutionNotifications).toEqual([]);
    expect(clean.results).toEqual([]);
    expect(clean.artifacts).toBeUndefined();
  });

  it('handles absolute and Windows paths without a base id', () => {
    const report = makeReport({
      rules: [rule('x/y', 'low')],
      findings: [
        finding('x/y', 'low', { path: '/abs/a b.bin' }),
        finding('x/y', 'low', { path: 'C:\\models\\m.bin' }),
      ],
    });
    const run = onlyRun(expectValid(formatSarif(report)));
    const locations = (run.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    expect(locations).toEqual([{ uri: 'file:///abs/a%20b.bin' }, { uri: 'file:///C:/models/m.bin' }]);
  });

  it('is deterministic', () => {
    expect(formatSarif(richReport())).toBe(formatSarif(richReport()));
    const text = formatSarif(richReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
