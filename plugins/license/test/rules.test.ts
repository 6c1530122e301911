import { describe, expect, it } from 'vitest';
import { card, entry, gguf, ids, reflow, safetensors, scan, spdxText } from './helpers.js';

const weights = safetensors({ format: 'pt' });

describe('license/missing-license', () => {
  it('reports a model directory with weights and a card without a licence', async () => {
    const run = await scan({
      'README.md': card('language: en\npipeline_tag: text-generation\nlibrary_name: transformers'),
      'model.safetensors': weights,
    });
    expect(ids(run)).toEqual(['missing-license/model']);
    expect(run.findings[0]).toMatchObject({ severity: 'medium', path: 'README.md' });
    expect(entry(run, '.')).toMatchObject({ kind: 'model', expression: null, declared: null });
  });

  it('reports weights with no document at all, against the weights', async () => {
    const run = await scan({ 'ckpt/model.safetensors': weights });
    expect(ids(run)).toEqual(['missing-license/model']);
    expect(run.findings[0]!.path).toBe('ckpt/model.safetensors');
  });

  it('reports a dataset manifest without a licence', async () => {
    const run = await scan({
      'README.md': card('license: apache-2.0\ndatasets: [support-tickets]'),
      'model.safetensors': weights,
      'data/tickets/MANIFEST.yaml': 'name: support-tickets\nversion: 3\nfiles:\n  - path: train.csv\n    sha256: ' + 'a'.repeat(64) + '\n',
    });
    expect(ids(run)).toEqual(['missing-license/dataset']);
    expect(run.findings[0]).toMatchObject({ path: 'data/tickets/MANIFEST.yaml', data: { name: 'support-tickets' } });
  });

  it('reports "license: unknown" as no licence', async () => {
    const run = await scan({ 'README.md': card('license: unknown\nlibrary_name: timm') });
    expect(ids(run)).toEqual(['missing-license/declaredUnknown']);
    expect(run.findings[0]!.location).toEqual({ line: 2 });
  });

  it('is quiet when a licence file in a parent directory covers the model', async () => {
    const run = await scan({ LICENSE: spdxText('Apache-2.0'), 'checkpoints/final/model.safetensors': weights });
    expect(ids(run)).toEqual([]);
    expect(entry(run, 'checkpoints/final')).toMatchObject({ expression: 'Apache-2.0', sources: [expect.objectContaining({ from: 'LICENSE', path: 'LICENSE', inherited: true })] });
  });
});

describe('license/unknown-license', () => {
  it('reports a licence that is neither SPDX nor a model licence, with a close suggestion', async () => {
    const run = await scan({ 'README.md': card('license: apache2.0\npipeline_tag: fill-mask') });
    expect(ids(run)).toEqual(['unknown-license/unknownSuggest']);
    expect(run.findings[0]).toMatchObject({ severity: 'low', data: { value: 'apache2.0', suggestion: 'apache-2.0' }, location: { line: 2 } });
  });

  it('reports an unknown licence without a suggestion when nothing is close', async () => {
    const run = await scan({ 'README.md': card('license: acme-internal-eula-v7') });
    expect(ids(run)).toEqual(['unknown-license/unknown']);
    expect(entry(run, '.').declared).toBe('LicenseRef-acme-internal-eula-v7');
  });

  it('reports "license: other" without a license_name', async () => {
    const run = await scan({ 'README.md': card('license: other') });
    expect(ids(run)).toEqual(['unknown-license/otherUnnamed']);
  });

  it('accepts a known license_name under "other" and an unknown one only as unknown', async () => {
    expect(ids(await scan({ 'README.md': card('license: other\nlicense_name: tongyi-qianwen\nlicense_link: https://huggingface.co/Qwen/Qwen-72B/blob/main/LICENSE') }))).toEqual(['use-restriction/restricted']);
    expect(ids(await scan({ 'README.md': card('license: other\nlicense_name: coqui-public-model-license-x') }))).toEqual(['unknown-license/unknown']);
  });

  it('reports a licence file whose text matches no known licence when nothing else names the licence', async () => {
    const custom = 'ACME MODEL LICENSE\n\nYou may run the model on your own hardware. You may not host it as a service, resell it, or use its outputs to train competing systems. All other rights reserved by Acme.\n';
    const run = await scan({ LICENSE: custom, 'model.safetensors': weights });
    expect(ids(run)).toEqual(['unknown-license/unidentifiedFile']);
    expect(run.findings[0]!.path).toBe('LICENSE');
  });
});

describe('license/license-mismatch', () => {
  it('reports a card saying MIT over a LICENSE holding the Apache-2.0 text', async () => {
    const run = await scan({ 'README.md': card('license: mit\nlibrary_name: transformers'), LICENSE: spdxText('Apache-2.0'), 'model.safetensors': weights });
    expect(ids(run)).toEqual(['license-mismatch/fileDiffers']);
    expect(run.findings[0]).toMatchObject({ severity: 'medium', path: 'README.md', location: { line: 2 }, data: { declared: 'MIT', found: 'Apache-2.0', file: 'LICENSE' } });
  });

  it('accepts a reflowed licence text with its own copyright line', async () => {
    const text = `Copyright (c) 2023-2024 The Acme Authors. All rights reserved.\n\n${reflow(spdxText('BSD-3-Clause'), 60)}`;
    expect(ids(await scan({ 'README.md': card('license: bsd-3-clause'), 'LICENSE.txt': text }))).toEqual([]);
  });

  it('accepts a LICENSE holding the declared text followed by third-party notices', async () => {
    const text = `${spdxText('MIT')}\n\nTHIRD-PARTY NOTICES\n\nThis model includes tokenizer files from project X, licensed as follows:\n\n${spdxText('Apache-2.0')}`;
    expect(ids(await scan({ 'README.md': card('license: mit'), LICENSE: text }))).toEqual([]);
  });

  it('reports a LICENSE that does not hold the declared licence text at all', async () => {
    const run = await scan({ 'README.md': card('license: apache-2.0'), LICENSE: 'All rights reserved. Redistribution of these weights is not permitted without written consent of Acme.' });
    expect(ids(run)).toEqual(['license-mismatch/fileUnmatched']);
  });

  it('reports GGUF and safetensors metadata that contradict the card', async () => {
    const run = await scan({
      'README.md': card('license: apache-2.0'),
      'model-q4_k_m.gguf': gguf({ 'general.name': 'Acme 7B', 'general.license': 'llama3' }),
    });
    expect(ids(run)).toEqual(['license-mismatch/sourceDiffers']);
    expect(run.findings[0]!.data).toMatchObject({ from: 'gguf', found: 'LicenseRef-Llama-3-Community', file: 'model-q4_k_m.gguf' });
    expect(entry(run, '.').sources).toContainEqual(expect.objectContaining({ from: 'gguf', value: 'llama3' }));
    const st = await scan({ 'README.md': card('license: mit'), 'model.safetensors': safetensors({ license: 'cc-by-nc-4.0' }) });
    expect(ids(st)).toEqual(['license-mismatch/sourceDiffers']);
    expect(st.findings[0]!.data).toMatchObject({ from: 'safetensors', found: 'CC-BY-NC-4.0', declared: 'MIT' });
  });

  it('reports a card declaring two different licences', async () => {
    const run = await scan({ 'README.md': card('license: mit\nlanguage: en\nlicense: cc-by-nc-4.0') });
    expect(ids(run)).toContain('license-mismatch/cardConflict');
    const conflict = run.findings.find((f) => f.messageId === 'cardConflict')!;
    expect(conflict).toMatchObject({ location: { line: 2 }, data: { key: 'license', lines: '2, 4' } });
    // Both declarations count: the model is effectively under both.
    expect(entry(run, '.').declared).toBe('MIT AND CC-BY-NC-4.0');
  });

  it('reports a license_name naming another licence than license', async () => {
    const run = await scan({ 'README.md': card('license: apache-2.0\nlicense_name: llama3') });
    expect(ids(run)).toContain('license-mismatch/cardConflict');
  });
});

describe('license/upstream-conflict', () => {
  it('reports a model licensed Apache-2.0 trained on a CC-BY-NC dataset of the scan', async () => {
    const run = await scan({
      'model/README.md': card('license: apache-2.0\ndatasets:\n  - acme/clinical-notes\npipeline_tag: text-classification'),
      'model/model.safetensors': weights,
      'datasets/clinical-notes/README.md': card('license: cc-by-nc-sa-4.0\npretty_name: clinical-notes\ntask_categories: [text-classification]\nsize_categories: [10K<n<100K]'),
    });
    expect(ids(run)).toEqual(['upstream-conflict/dataset']);
    const finding = run.findings[0]!;
    expect(finding).toMatchObject({ severity: 'high', path: 'model/README.md', location: { line: 4 } });
    expect(finding.message).toContain('non-commercial (CC-BY-NC-SA-4.0)');
    expect(finding.message).toContain('share-alike');
    expect(entry(run, 'model').expression).toBe('Apache-2.0 AND CC-BY-NC-SA-4.0');
  });

  it('is quiet when the model keeps the non-commercial terms', async () => {
    const run = await scan({
      'README.md': card('license: cc-by-nc-4.0\ndatasets: [acme/clinical-notes]'),
      'data/README.md': card('license: cc-by-nc-4.0\npretty_name: clinical-notes\ntask_categories: [summarization]'),
    });
    expect(ids(run)).toEqual([]);
  });

  it('reports a Llama fine-tune relicensed as MIT (known base model)', async () => {
    const run = await scan({ 'README.md': card('license: mit\nbase_model: meta-llama/Llama-3.1-8B-Instruct\nbase_model_relation: finetune') });
    expect(ids(run)).toEqual(['upstream-conflict/baseModel', 'use-restriction/restricted']);
    expect(run.findings.find((f) => f.rule === 'upstream-conflict')!.message).toContain('llama licence terms passed to derivatives');
  });

  it('is quiet for a Llama fine-tune that keeps the Llama licence', async () => {
    const run = await scan({ 'README.md': card('license: llama3.1\nbase_model: meta-llama/Llama-3.1-8B-Instruct') });
    expect(ids(run)).toEqual(['use-restriction/restricted']);
  });

  it('reports a RAIL base model of the scan whose use restrictions are dropped', async () => {
    const run = await scan({
      'base/README.md': card('license: creativeml-openrail-m\nmodel_name: acme-diffusion-base'),
      'base/unet.safetensors': weights,
      'finetune/README.md': card('license: cc-by-4.0\nbase_model: acme/acme-diffusion-base'),
      'finetune/unet.safetensors': weights,
    });
    expect(ids(run)).toContain('upstream-conflict/baseModel');
    expect(entry(run, 'finetune').sources).toContainEqual(expect.objectContaining({ from: 'base_model', matched: 'base', via: 'tree' }));
  });

  it('reads training data and their licences from provenance.yaml', async () => {
    const run = await scan({
      'provenance.yaml': 'name: churn-model\nversion: 1.2.0\nlicense: MIT\ntraining_data:\n  - source: s3://acme-data/crm-export\n    version: 2024-05\n    license: CC-BY-ND-4.0\n',
      'model.safetensors': weights,
    });
    expect(ids(run)).toEqual(['upstream-conflict/dataset']);
    expect(run.findings[0]!.message).toContain('no-derivatives');
  });
});

describe('license/use-restriction', () => {
  it('names the RAIL restriction of an OpenRAIL model', async () => {
    const run = await scan({ 'README.md': card('license: bigscience-openrail-m') });
    expect(ids(run)).toEqual(['use-restriction/restricted']);
    expect(run.findings[0]).toMatchObject({ severity: 'info', location: { line: 2 } });
    expect(run.findings[0]!.message).toMatch(/BigScience Open RAIL-M: OpenRAIL use-based restrictions/);
  });

  it('names the Gemma terms', async () => {
    const run = await scan({ 'README.md': card('license: gemma\nlibrary_name: transformers') });
    expect(run.findings[0]!.message).toContain('Gemma Prohibited Use Policy');
  });
});

describe('license/policy-violation', () => {
  const model = { 'README.md': card('license: cc-by-nc-4.0'), 'model.safetensors': weights };

  it('reports a non-commercial licence under use: commercial', async () => {
    const run = await scan(model, { use: 'commercial' });
    expect(ids(run)).toEqual(['policy-violation/commercial']);
    expect(run.findings[0]).toMatchObject({ severity: 'high', data: { license: 'CC-BY-NC-4.0' } });
    expect(ids(await scan(model, { use: 'research' }))).toEqual([]);
  });

  it('reports a denied licence, by SPDX or Hub id', async () => {
    expect(ids(await scan(model, { deny: ['cc-by-nc-4.0'] }))).toEqual(['policy-violation/denied']);
    expect(ids(await scan({ 'README.md': card('license: gpl-3.0') }, { deny: ['GPL-3.0-or-later'] }))).toEqual(['policy-violation/denied']);
  });

  it('accepts an OR expression when one choice avoids the denied licence', async () => {
    expect(ids(await scan({ 'README.md': card('license: MIT OR GPL-3.0-only') }, { deny: ['GPL-3.0-only'] }))).toEqual([]);
  });

  it('reports licences outside the allow list, inherited ones included', async () => {
    const run = await scan({ 'README.md': card('license: apache-2.0\nbase_model: google/gemma-2-9b') }, { allow: ['Apache-2.0', 'MIT'] });
    expect(ids(run)).toContain('policy-violation/notAllowed');
    expect(run.findings.find((f) => f.rule === 'policy-violation')!.data).toMatchObject({ license: 'LicenseRef-Gemma-Terms-of-Use' });
    expect(ids(await scan({ 'README.md': card('license: mit') }, { allow: ['Apache-2.0', 'MIT'] }))).toEqual([]);
  });

  it('reports a model without licence under an allow list', async () => {
    expect(ids(await scan({ 'model.safetensors': weights }, { allow: ['MIT'] }))).toEqual(['missing-license/model', 'policy-violation/noLicense']);
  });
});

describe('license/invalid-metadata', () => {
  it('reports malformed front matter with its line and reads nothing from it', async () => {
    const run = await scan({ 'README.md': '---\nlicense: mit\ntags: [a, b\nbase_model: x\n---\n# card\n', 'model.safetensors': weights });
    expect(ids(run)).toEqual(['invalid-metadata/invalidYaml', 'missing-license/model']);
    expect(run.findings.find((f) => f.rule === 'invalid-metadata')).toMatchObject({ path: 'README.md', severity: 'low' });
    expect(run.findings.find((f) => f.rule === 'invalid-metadata')!.location!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a dataset_info.json that is not JSON', async () => {
    expect(ids(await scan({ 'data/dataset_info.json': '{"license": "mit",' }))).toEqual(['invalid-metadata/invalidJson']);
  });
});
