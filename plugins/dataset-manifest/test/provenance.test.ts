import { describe, expect, it } from 'vitest';
import { PROVENANCE_ITEMS } from '../src/rules/provenance-incomplete.js';
import { dir, ids, scan, sha } from './helpers.js';

const SCRIPT = 'print("train")\n';
const BASE = 'base-weights';
const COMPLETE = (overrides: { script?: string; base?: string } = {}) => `name: demo
version: 1.0.0
created: 2024-05-01
base_model:
  source: base/model.safetensors
  version: "2"
  sha256: ${overrides.base ?? sha(BASE)}
training_data:
  source: s3://bucket/data
  version: "2024-04"
  sha256: ${sha('remote data')}
dependencies:
  torch: "2.3.1"
  transformers: "==4.41.2"
  cuda: "12.1"
training:
  script: train.py
  script_sha256: ${overrides.script ?? sha(SCRIPT)}
  random_seed: 42
  gpu: A100
  duration: 3h
license: apache-2.0
model_card: README.md
`;

describe('provenance.yaml', () => {
  it('passes a complete provenance whose artefacts match', async () => {
    const run = await scan(dir({ 'provenance.yaml': COMPLETE(), 'train.py': SCRIPT, 'base/model.safetensors': BASE }));
    expect(ids(run)).toEqual([]);
    expect(run.errors).toEqual([]);
  });

  it('reports a training script that differs from script_sha256 (high)', async () => {
    const run = await scan(dir({ 'provenance.yaml': COMPLETE({ script: sha('other') }), 'train.py': SCRIPT }));
    expect(ids(run)).toEqual(['script-digest-mismatch/mismatch']);
    expect(run.findings[0]).toMatchObject({ severity: 'high', path: 'train.py', evidence: { document: 'provenance.yaml', line: 18 } });
  });

  it('reports a base model that differs from base_model.sha256 (critical)', async () => {
    const run = await scan(dir({ 'provenance.yaml': COMPLETE({ base: sha('other') }), 'base/model.safetensors': BASE }));
    expect(ids(run)).toEqual(['base-model-digest-mismatch/mismatch']);
    expect(run.findings[0]).toMatchObject({ severity: 'critical', path: 'base/model.safetensors' });
  });

  it('says nothing about artefacts that are not in the scan (hub ids, remote data, absolute training paths)', async () => {
    const text = COMPLETE().replace('source: base/model.safetensors', 'source: /mnt/models/base.safetensors');
    expect(ids(await scan(dir({ 'provenance.yaml': text })))).toEqual([]);
  });

  it('reports one low finding per missing checklist item, naming it', async () => {
    const run = await scan(dir({ 'models/x/provenance.yaml': 'name: x\ndependencies: ["torch>=2", "numpy==1.26.4"]\ntraining_data: {source: hub}\n' }));
    expect(ids(run)).toEqual(Array(7).fill('provenance-incomplete/missing'));
    expect(run.findings.map((f) => f.data!.item)).toEqual([...PROVENANCE_ITEMS]);
    expect(run.findings.every((f) => f.severity === 'low')).toBe(true);
    expect(run.findings[0]!.message).toBe('models/x/provenance.yaml misses framework-versions: not pinned to exact versions: torch');
  });

  it('counts a model card, a LICENSE file and a card licence next to the provenance', async () => {
    const base = COMPLETE().replace('license: apache-2.0\nmodel_card: README.md\n', '');
    const withFiles = await scan(dir({ 'provenance.yaml': base, 'README.md': '# card\n', 'LICENSE': 'MIT' }));
    expect(ids(withFiles)).toEqual([]);
    const withCard = await scan(dir({ 'provenance.yaml': base, 'README.md': '---\nlicense: mit\n---\n# card\n' }));
    expect(ids(withCard)).toEqual([]);
    const without = await scan(dir({ 'provenance.yaml': base }));
    expect(without.findings.map((f) => f.data!.item)).toEqual(['model-card', 'license']);
  });
});
