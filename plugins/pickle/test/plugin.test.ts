import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin, { PLUGIN_VERSION } from '../src/index.js';
import { classifyGlobal } from '../src/policy/classify.js';

const here = (p: string) => new URL(`../${p}`, import.meta.url);

describe('plugin', () => {
  it('keeps its version equal to package.json and declares an options schema', () => {
    expect(PLUGIN_VERSION).toBe(JSON.parse(readFileSync(here('package.json'), 'utf8')).version);
    expect(plugin.optionsSchema).toMatchObject({ properties: { allow: { type: 'array' }, deny: { type: 'array' } } });
  });

  it('classifies the allowlist and denylist as reviewed', () => {
    const level = (m: string, n: string) => classifyGlobal(m, n).verdict.level;
    expect(level('torch._utils', '_rebuild_tensor_v2')).toBe('allow');
    expect(level('numpy._core.multiarray', '_reconstruct')).toBe('allow');
    expect(level('_codecs', 'encode')).toBe('allow');
    expect(level('torch.nn.modules.linear', 'Linear')).toBe('allow');
    expect(level('torch.nn.modules.module', 'os.system')).toBe('deny');
    expect(level('copy_reg', '_reconstructor')).toBe('allow');
    expect(level('__builtin__', 'set')).toBe('allow');
    expect(level('__builtin__', 'apply')).toBe('deny');
    expect(level('commands', 'getoutput')).toBe('deny');
    expect(level('sklearn.ensemble._forest', 'RandomForestClassifier')).toBe('allow');
    expect(level('transformers.training_args', 'TrainingArguments')).toBe('allow');
    expect(level('mypkg', 'Model')).toBe('unknown');
  });
});
