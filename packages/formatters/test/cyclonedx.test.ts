import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Report, ReportFile } from '@modelgate/plugin-api';
import { formatCycloneDx, toCycloneDx } from '../src/index.js';
import { HOSTILE_NAME, finding, makeReport } from './factory.js';

const addFormats = formatsModule.default;
/** The official CycloneDX 1.6 schema and the two it references, from `../shared` beside the repository root. */
const schemaDir = new URL('../../../../shared/data/schemas/', import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as Record<string, unknown>;

function compileValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Formats ajv-formats lacks: accepted as strings (the structure is what we check).
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema(load('spdx.schema.json'));
  ajv.addSchema(load('jsf-0.82.schema.json'));
  return ajv.compile(load('bom-1.6.schema.json'));
}
const validate = compileValidator();

function expectValid(bom: unknown): void {
  const ok = validate(bom);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const sha = (c: string) => c.repeat(64);
const file = (path: string, format: ReportFile['format'], extra: Partial<ReportFile> = {}): ReportFile => ({ path, size: 100, sha256: sha(path.length.toString(16).slice(-1)), format, status: 'scanned', ...extra });

function mlReport(inventory: Report['inventory'] = {}): Report {
  return makeReport({
    files: [
      file('llama/model-00001-of-00002.safetensors', 'safetensors'),
      file('llama/model-00002-of-00002.safetensors', 'safetensors'),
      file('llama/model.safetensors.index.json', 'json'),
      file('llama/README.md', 'text'),
      file('gguf/tiny.Q4_K_M.gguf', 'gguf'),
      file('legacy/model.pkl', 'pickle'),
      file('torch/pytorch_model.bin', 'zip'),
      { path: 'torch/pytorch_model.bin', member: 'archive/data.pkl', size: 50, format: 'pickle', status: 'scanned' },
      { path: 'torch/pytorch_model.bin', member: 'archive/data/0', size: 50, format: 'binary', status: 'scanned' },
      file('arrays/weights.npy', 'npy'),
      file('bundle.tar', 'tar'),
      { path: 'bundle.tar', member: 'inner/model.pkl', size: 20, format: 'pickle', status: 'scanned' },
      file('data/train.csv', 'text'),
      file('data/part-0.parquet', 'binary'),
      file('data/MANIFEST.yaml', 'text'),
      file(`${HOSTILE_NAME}.safetensors`, 'safetensors'),
      file('notes.txt', 'text'),
      { path: 'skipped.gguf', size: 1, status: 'skipped', reason: 'too big' },
    ],
    findings: [finding('pickle/dangerous-global', 'critical', { path: 'legacy/model.pkl', byteOffset: 3 })],
    inventory,
  });
}

const inventory: Report['inventory'] = {
  license: [
    { kind: 'model', name: 'llama', path: 'llama', expression: 'LicenseRef-llama2', declared: 'LicenseRef-llama2', sources: [{ from: 'card', path: 'llama/README.md', line: 3, value: 'llama2', expression: 'LicenseRef-llama2' }] },
    { kind: 'model', name: 'root', path: '.', expression: 'Apache-2.0', sources: ['LICENSE'] },
    { kind: 'model', name: 'nothing', path: 'arrays', expression: null, sources: [] },
    { kind: 'dataset', name: 'wikitext', path: 'data', expression: 'CC-BY-SA-4.0 AND MIT', sources: ['data/MANIFEST.yaml license'] },
    { kind: 'model', path: 'gguf', expression: 'my custom licence' },
  ],
  manifest: [
    { kind: 'model-card', path: 'llama/README.md', name: 'Llama Tiny', pipeline_tag: 'text-generation', architecture: 'LlamaForCausalLM', base_model: 'meta/llama', datasets: ['wikitext', 'c4'], metrics: [{ type: 'perplexity', value: 7.1, dataset: 'wikitext' }, { bad: true }], limitations: ['English only'] },
    { kind: 'dataset', name: 'wikitext', path: 'data/train.csv' },
    { kind: 'dataset', name: 'images', path: 'data/MANIFEST.yaml' },
  ],
};

type Component = { type: string; name: string; 'bom-ref': string; hashes?: { alg: string; content: string }[]; licenses?: unknown[]; properties?: { name: string; value: string }[]; components?: Component[]; modelCard?: Record<string, unknown>; data?: unknown[]; description?: string };

const prop = (c: Component, name: string) => c.properties?.filter((p) => p.name === `modelgate:${name}`).map((p) => p.value);

describe('CycloneDX ML-BOM', () => {
  it('validates against the CycloneDX 1.6 JSON schema, with and without inventory', () => {
    expectValid(JSON.parse(formatCycloneDx(mlReport(inventory))));
    expectValid(JSON.parse(formatCycloneDx(mlReport())));
    expectValid(JSON.parse(formatCycloneDx(makeReport())));
    // the validator really validates
    const broken = toCycloneDx(mlReport()) as { components: { type: string }[] };
    broken.components[0]!.type = 'neural-net';
    expect(validate(broken)).toBe(false);
  });

  it('has a machine-learning-model component per model, shards grouped, with hashes and formats', () => {
    const bom = toCycloneDx(mlReport()) as { bomFormat: string; specVersion: string; metadata: { tools: { components: { name: string }[] }; timestamp: string }; components: Component[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.tools.components[0]?.name).toBe('modelgate');
    expect(bom.metadata.timestamp).toBe('2025-01-02T03:04:05.678Z');
    const models = bom.components.filter((c) => c.type === 'machine-learning-model');
    expect(models.map((c) => [c.name, prop(c, 'format')?.[0]])).toEqual([
      ['arrays/weights.npy', 'npy'],
      ['bundle.tar!/inner/model.pkl', 'pickle'],
      [`${HOSTILE_NAME}.safetensors`, 'safetensors'],
      ['gguf/tiny.Q4_K_M.gguf', 'gguf'],
      ['legacy/model.pkl', 'pickle'],
      ['llama/model.safetensors', 'safetensors'],
      ['torch/pytorch_model.bin', 'pytorch'],
    ]);
    const legacy = models.find((c) => c.name === 'legacy/model.pkl')!;
    expect(legacy.hashes).toEqual([{ alg: 'SHA-256', content: expect.stringMatching(/^[0-9a-f]{64}$/u) }]);
    expect(prop(legacy, 'findings')).toEqual(['1']);
    const llama = models.find((c) => c.name === 'llama/model.safetensors')!;
    expect(llama.hashes ?? []).toEqual([]);
    expect(prop(llama, 'shards')).toEqual(['2']);
    expect(prop(llama, 'shards-expected')).toEqual(['2']);
    expect(llama.components?.map((c) => [c.type, c.name, c.hashes?.length])).toEqual([
      ['file', 'llama/model-00001-of-00002.safetensors', 1],
      ['file', 'llama/model-00002-of-00002.safetensors', 1],
      ['file', 'llama/model.safetensors.index.json', 1],
    ]);
    expect(bom.components.some((c) => c.name.includes('skipped') || c.name === 'notes.txt')).toBe(false);
    const data = bom.components.filter((c) => c.type === 'data');
    expect(data.map((c) => c.name)).toEqual(['data/part-0.parquet', 'data/train.csv']);
    expect(data[1]?.data).toEqual([{ type: 'dataset', name: 'data/train.csv' }]);
  });

  it('takes licences, model-card data and named datasets from the inventory', () => {
    const bom = toCycloneDx(mlReport(inventory)) as { components: Component[] };
    const byName = new Map(bom.components.map((c) => [c.name, c]));
    const llama = byName.get('llama/model.safetensors')!;
    expect(llama.licenses).toEqual([{ expression: 'LicenseRef-llama2' }]);
    expect(prop(llama, 'license-source')).toEqual(['card llama/README.md:3: llama2']);
    expect(llama.description).toBe('Llama Tiny');
    expect(llama.modelCard).toEqual({
      modelParameters: {
        task: 'text-generation',
        modelArchitecture: 'LlamaForCausalLM',
        datasets: [{ ref: 'dataset:data/train.csv' }, { ref: 'dataset:name:c4' }],
      },
      quantitativeAnalysis: { performanceMetrics: [{ type: 'perplexity', value: '7.1', slice: 'wikitext' }] },
      considerations: { technicalLimitations: ['English only'] },
      properties: [
        { name: 'modelgate:card', value: 'llama/README.md' },
        { name: 'modelgate:card-name', value: 'Llama Tiny' },
        { name: 'modelgate:base-model', value: 'meta/llama' },
      ],
    });
    // the nearest licence wins; the root LICENSE covers the rest
    expect(byName.get('legacy/model.pkl')!.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);
    expect(byName.get('gguf/tiny.Q4_K_M.gguf')!.licenses).toEqual([{ license: { name: 'my custom licence' } }]);
    // a dataset named by a manifest is the CSV file it points at; one named only by the card is declared
    const train = byName.get('data/train.csv')!;
    expect(train.data).toEqual([{ type: 'dataset', name: 'wikitext' }]);
    expect(train.licenses).toEqual([{ expression: 'CC-BY-SA-4.0 AND MIT' }]);
    expect(byName.get('data/part-0.parquet')!.data).toEqual([{ type: 'dataset', name: 'images' }]);
    expect(byName.get('arrays/weights.npy')!.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);
    expect(byName.get('c4')).toMatchObject({ type: 'data', 'bom-ref': 'dataset:name:c4', data: [{ type: 'dataset', name: 'c4' }] });
    expect(byName.get('c4')?.hashes ?? []).toEqual([]);
  });

  it('is deterministic', () => {
    expect(formatCycloneDx(mlReport(inventory))).toBe(formatCycloneDx(mlReport(inventory)));
  });
});
