import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { modelgate, repoRoot, safetensors, tempDir, writeTree } from './cli.js';

const trailing = () => Buffer.concat([Buffer.from(safetensors({ w: { dtype: 'F32', shape: [2] } })), Buffer.from('junk')]);
/** A file name that is markup and carries terminal escapes and a bidi override. */
const HOSTILE = '<img src=x onerror=alert(1)>\u001b[2J\u202egnp.safetensors';

/** The CycloneDX 1.6 schema from `../shared` beside the repository root. */
function bomValidator() {
  const dir = join(repoRoot, '..', 'shared', 'data', 'schemas');
  const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const format of ['date-time', 'iri-reference', 'idn-email', 'uri']) ajv.addFormat(format, true);
  ajv.addSchema(load('spdx.schema.json'));
  ajv.addSchema(load('jsf-0.82.schema.json'));
  return ajv.compile(load('bom-1.6.schema.json'));
}

function tree(): string {
  const dir = tempDir();
  writeTree(dir, {
    'llama/model-00001-of-00002.safetensors': safetensors({ a: { dtype: 'F16', shape: [2, 2] } }),
    'llama/model-00002-of-00002.safetensors': safetensors({ b: { dtype: 'F16', shape: [2] } }),
    'bad/broken.safetensors': trailing(),
    'data/train.csv': 'a,b\n1,2\n',
    [HOSTILE]: trailing(),
  });
  return dir;
}

describe('output formats', () => {
  it('cyclonedx: a valid CycloneDX 1.6 ML-BOM with a component per model and dataset', () => {
    const dir = tree();
    const run = modelgate(['scan', '.', '--format', 'cyclonedx'], { cwd: dir });
    expect(run.status).toBe(1); // the format does not change the exit code
    const bom = JSON.parse(run.stdout);
    const validate = bomValidator();
    expect(validate(bom), JSON.stringify(validate.errors)).toBe(true);
    expect(bom.specVersion).toBe('1.6');
    const names = bom.components.map((c: { type: string; name: string }) => [c.type, c.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['machine-learning-model', 'llama/model.safetensors'],
        ['machine-learning-model', 'bad/broken.safetensors'],
        ['machine-learning-model', HOSTILE],
        ['data', 'data/train.csv'],
      ]),
    );
    const broken = bom.components.find((c: { name: string }) => c.name === 'bad/broken.safetensors');
    expect(broken.hashes[0]).toEqual({ alg: 'SHA-256', content: expect.stringMatching(/^[0-9a-f]{64}$/u) });
  });

  it('html: one self-contained file with hostile names escaped', () => {
    const dir = tree();
    const out = join(dir, 'report.html');
    const run = modelgate(['scan', '.', '--format', 'html', '--output', out], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('html report written to');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u202e');
    expect(html).not.toMatch(/<(?:link|iframe|object|embed)\b|<[a-z][^>]*\s(?:src|href)=/u);
    expect(html).toContain('safetensors/trailing-data');
  });

  it('ndjson: events as they happen, one per line, ending with the run-end report', () => {
    const dir = tree();
    const run = modelgate(['scan', '.', '--format', 'ndjson', '--concurrency', '2'], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { type: string; report?: { findings: unknown[] }; findings?: unknown[] });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.filter((e) => e.type === 'file').length).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.type === 'progress').length).toBe(5);
    expect(events.filter((e) => e.type === 'run-end')).toHaveLength(1);
    const report = events.at(-1)!.report!;
    expect(report.findings.length).toBe(events.flatMap((e) => e.findings ?? []).length);

    const out = join(dir, 'events.ndjson');
    expect(modelgate(['scan', '.', '--format', 'ndjson', '--output', out, '--severity', 'critical'], { cwd: dir }).status).toBe(1);
    const written = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(written.at(-1).report.findings).toEqual([]);
    expect(written.flatMap((e: { findings?: unknown[] }) => e.findings ?? [])).toEqual([]);
  });

  it('lists every format in --help and rejects an unknown one', () => {
    expect(modelgate(['scan', '--help']).stdout).toMatch(/table, json, sarif, cyclonedx, html, ndjson|"cyclonedx"/u);
    expect(modelgate(['scan', '.', '--format', 'pdf']).status).toBe(2);
  });
});
