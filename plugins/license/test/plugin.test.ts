import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION, isSeverity } from '@modelgate/plugin-api';
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

  it('declares every rule with a description, a severity and well-formed messages', () => {
    expect(Object.keys(plugin.rules)).toEqual(ALL_RULES.map((r) => r.name));
    expect(Object.fromEntries(ALL_RULES.map((r) => [r.name, r.meta.defaultSeverity]))).toEqual({
      'missing-license': 'medium',
      'unknown-license': 'low',
      'license-mismatch': 'medium',
      'upstream-conflict': 'high',
      'use-restriction': 'info',
      'policy-violation': 'high',
      'invalid-metadata': 'low',
    });
    for (const [name, meta] of Object.entries(plugin.rules)) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.description.length).toBeGreaterThan(20);
      expect(isSeverity(meta.defaultSeverity)).toBe(true);
      for (const template of Object.values(meta.messages)) expect(template.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('has a doc for every rule and no doc without a rule', () => {
    expect(readdirSync(join(root, 'docs/rules')).sort()).toEqual(ALL_RULES.map((r) => `${r.name}.md`).sort());
    for (const rule of ALL_RULES) {
      const doc = read(`docs/rules/${rule.name}.md`);
      expect(doc).toContain(`# license/${rule.name}`);
      expect(doc).toContain(`**${rule.meta.defaultSeverity}**`);
      for (const messageId of Object.keys(rule.meta.messages)) expect(doc, `${rule.name} documents ${messageId}`).toContain(`\`${messageId}\``);
    }
  });

  it('lists every rule and its severity in the README, and documents the policy options', () => {
    const readme = read('README.md');
    for (const rule of ALL_RULES) expect(readme).toMatch(new RegExp(`\\[\`${rule.name}\`\\]\\(docs/rules/${rule.name}\\.md\\) \\| ${rule.meta.defaultSeverity} \\|`));
    for (const option of ['allow', 'deny', 'use']) expect(readme).toContain(`| \`${option}\` |`);
  });

  it('asserts every message of every rule somewhere in the tests', () => {
    const tests = readdirSync(join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => read(`test/${f}`)).join('\n');
    for (const rule of ALL_RULES) {
      for (const messageId of Object.keys(rule.meta.messages)) expect(tests.includes(`${rule.name}/${messageId}`), `${rule.name}/${messageId} is asserted`).toBe(true);
    }
  });

  it('validates options with its schema as the engine does', () => {
    const validate = new Ajv({ strict: false }).compile(plugin.optionsSchema!);
    expect(validate({ allow: ['MIT'], deny: ['llama2'], use: 'commercial' })).toBe(true);
    expect(validate({ use: 'personal' })).toBe(false);
    expect(validate({ allowed: ['MIT'] })).toBe(false);
    expect(validate({ deny: 'MIT' })).toBe(false);
  });
});
