import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '@modelgate/plugin-api';
import { describe, expect, it } from 'vitest';
import plugin, { DTYPE_BITS, PLUGIN_VERSION } from '../src/index.js';
import { MAX_FINDINGS_PER_RULE } from '../src/reporter.js';
import { SAFETENSORS_DTYPE_BITS, buildSafetensors, safetensorsFile } from '@modelgate/plugin-kit/testing';
import { ids, scanFile } from './scan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('plugin contract', () => {
  it('is a valid plugin object', () => {
    expect(plugin.apiVersion).toBe(API_VERSION);
    expect(plugin.meta).toMatchObject({ name: '@modelgate/plugin-safetensors', namespace: 'safetensors' });
    expect(plugin.meta.version).toBe(JSON.parse(read('package.json')).version);
    expect(PLUGIN_VERSION).toBe(plugin.meta.version);
    expect(plugin.scanners.map((s) => [s.id, s.scope])).toEqual([
      ['safetensors-file', 'file'],
      ['safetensors-shard-index', 'directory'],
    ]);
  });

  it('knows the same dtypes and widths as the test builder', () => {
    expect(DTYPE_BITS).toEqual(SAFETENSORS_DTYPE_BITS);
  });
});

describe('scanner behaviour', () => {
  it(`caps each rule at ${MAX_FINDINGS_PER_RULE} findings per file`, async () => {
    const members = Array.from({ length: 150 }, (_, i) => `"t${i}":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"t${i}":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}`);
    const built = buildSafetensors({}, { headerText: `{${members.join(',')}}`, dataLength: 1 });
    const findings = await scanFile(safetensorsFile(built));
    expect(findings.filter((f) => f.rule === 'duplicate-key')).toHaveLength(MAX_FINDINGS_PER_RULE);
  });

  it('stops after reading the header when the scan is aborted', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [2] } }, { edit: (h) => (h.w.dtype = 'F128') });
    const controller = new AbortController();
    controller.abort();
    const findings: string[] = [];
    const scanner = plugin.scanners[0]!;
    if (scanner.scope === 'directory') throw new Error('unexpected');
    await scanner.scan(safetensorsFile(built), { options: {}, signal: controller.signal, inventory: () => {}, fail: () => {}, report: (f) => findings.push(f.rule) });
    expect(findings).toEqual([]);
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['invalid-tensor-entry/unknownDtype']);
  });
});
