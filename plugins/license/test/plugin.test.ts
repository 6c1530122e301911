import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '@modelgate/plugin-api';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import plugin, { ALL_RULES, PLUGIN_VERSION } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('plugin contract', () => {
  it('is a valid plugin object with one root directory scanner', () => {
    expect(plugin.apiVersion).toBe(API_VERSION);
    expect(plugin.meta).toMatchObject({ name: '@modelgate/plugin-license', namespace: 'license' });
    expect(plugin.meta.version).toBe(JSON.parse(read('package.json')).version);
    expect(PLUGIN_VERSION).toBe(plugin.meta.version);
    expect(plugin.scanners).toEqual([expect.objectContaining({ id: 'license-tree', scope: 'directory', filter: expect.objectContaining({ root: true }) })]);
  });

  it('lists every rule and its severity in the README, and documents the policy options', () => {
    const readme = read('README.md');
    for (const rule of ALL_RULES) expect(readme).toMatch(new RegExp(`\\[\`${rule.name}\`\\]\\(docs/rules/${rule.name}\\.md\\) \\| ${rule.meta.defaultSeverity} \\|`));
    for (const option of ['allow', 'deny', 'use']) expect(readme).toContain(`| \`${option}\` |`);
  });

  it('validates options with its schema as the engine does', () => {
    const validate = new Ajv({ strict: false }).compile(plugin.optionsSchema!);
    expect(validate({ allow: ['MIT'], deny: ['llama2'], use: 'commercial' })).toBe(true);
    expect(validate({ use: 'personal' })).toBe(false);
    expect(validate({ allowed: ['MIT'] })).toBe(false);
    expect(validate({ deny: 'MIT' })).toBe(false);
  });
});
