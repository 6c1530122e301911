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
    expect(plugin.meta).toMatchObject({ name: '@modelgate/plugin-requirements', namespace: 'requirements' });
    expect(plugin.meta.version).toBe(JSON.parse(read('package.json')).version);
    expect(PLUGIN_VERSION).toBe(plugin.meta.version);
    expect(plugin.scanners.map((s) => [s.id, s.scope, (s.filter as { root?: boolean }).root])).toEqual([['requirements', 'directory', true]]);
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

  it('maps each vulnerable-pin rule to its severity', () => {
    for (const severity of ['critical', 'high', 'medium', 'low']) expect(plugin.rules[`vulnerable-pin-${severity}`]?.defaultSeverity).toBe(severity);
  });

  it('has a doc for every rule, no doc without a rule, and a README row for each', () => {
    expect(readdirSync(join(root, 'docs/rules')).sort()).toEqual(ALL_RULES.map((r) => `${r.name}.md`).sort());
    const readme = read('README.md');
    for (const rule of ALL_RULES) {
      expect(readme).toContain(`[\`${rule.name}\`](docs/rules/${rule.name}.md) | ${rule.meta.defaultSeverity} |`);
      expect(read(`docs/rules/${rule.name}.md`)).toContain(`# requirements/${rule.name}`);
    }
  });

  it('declares an options schema that accepts the documented options and rejects others', () => {
    const validate = new Ajv({ strict: false }).compile(plugin.optionsSchema!);
    expect(validate({ advisories: '/data/all.zip', cacheDir: '/cache', updateUrl: 'https://example.com/all.zip', popularPackages: ['mylib'] })).toBe(true);
    expect(validate({ advisory: 'x' })).toBe(false);
    expect(validate({ updateUrl: 'ftp://x' })).toBe(false);
  });
});
