import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION, isSeverity } from '@modelgate/plugin-api';
import { describe, expect, it } from 'vitest';
import plugin, { ALL_RULES, PLUGIN_VERSION } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('plugin contract', () => {
  it('is a valid plugin object', () => {
    expect(plugin.apiVersion).toBe(API_VERSION);
    expect(plugin.meta).toMatchObject({ name: '@modelgate/plugin-dataset-manifest', namespace: 'manifest' });
    expect(plugin.meta.version).toBe(JSON.parse(read('package.json')).version);
    expect(PLUGIN_VERSION).toBe(plugin.meta.version);
    expect(plugin.scanners.map((s) => [s.id, s.scope])).toEqual([
      ['manifest-documents', 'directory'],
      ['manifest-explicit', 'directory'],
    ]);
  });

  it('declares every rule with a description, a severity and well-formed messages', () => {
    expect(Object.keys(plugin.rules)).toEqual(ALL_RULES.map((r) => r.name));
    for (const [name, meta] of Object.entries(plugin.rules)) {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meta.description.length).toBeGreaterThan(20);
      expect(isSeverity(meta.defaultSeverity)).toBe(true);
      for (const template of Object.values(meta.messages)) expect(template.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('has the severities the issue asks for', () => {
    const severity = (name: string) => plugin.rules[name]!.defaultSeverity;
    expect(['digest-mismatch', 'base-model-digest-mismatch'].map(severity)).toEqual(['critical', 'critical']);
    expect(['file-missing', 'path-unsafe', 'script-digest-mismatch'].map(severity)).toEqual(['high', 'high', 'high']);
    expect(['file-unlisted', 'digest-weak', 'row-count-mismatch'].map(severity)).toEqual(['medium', 'medium', 'medium']);
    expect(['digest-missing', 'date-out-of-range', 'provenance-incomplete'].map(severity)).toEqual(['low', 'low', 'low']);
  });

  it('has a doc for every rule and no doc without a rule', () => {
    const docs = readdirSync(join(root, 'docs/rules')).sort();
    expect(docs).toEqual(ALL_RULES.map((r) => `${r.name}.md`).sort());
    for (const rule of ALL_RULES) {
      const doc = read(`docs/rules/${rule.name}.md`);
      expect(doc).toContain(`# manifest/${rule.name}`);
      expect(doc).toContain(`**${rule.meta.defaultSeverity}**`);
      for (const messageId of Object.keys(rule.meta.messages)) expect(doc).toContain(`\`${messageId}\``);
    }
  });

  it('lists every rule and its severity in the README', () => {
    const readme = read('README.md');
    for (const rule of ALL_RULES) {
      expect(readme).toMatch(new RegExp(`\\[\`${rule.name}\`\\]\\(docs/rules/${rule.name}\\.md\\) \\| ${rule.meta.defaultSeverity} \\|`));
    }
  });

  it('asserts every message of every rule somewhere in the tests', () => {
    const tests = readdirSync(join(root, 'test'))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => read(`test/${f}`))
      .join('\n');
    for (const rule of ALL_RULES) {
      for (const messageId of Object.keys(rule.meta.messages)) {
        expect(tests.includes(`${rule.name}/${messageId}`), `${rule.name}/${messageId} is asserted`).toBe(true);
      }
    }
  });
});
