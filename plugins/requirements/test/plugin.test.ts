import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '@modelgate/plugin-api';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import plugin, { PLUGIN_VERSION } from '../src/index.js';

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

  it('maps each vulnerable-pin rule to its severity', () => {
    for (const severity of ['critical', 'high', 'medium', 'low']) expect(plugin.rules[`vulnerable-pin-${severity}`]?.defaultSeverity).toBe(severity);
  });

  it('declares an options schema that accepts the documented options and rejects others', () => {
    const validate = new Ajv({ strict: false }).compile(plugin.optionsSchema!);
    expect(validate({ advisories: '/data/all.zip', cacheDir: '/cache', updateUrl: 'https://example.com/all.zip', popularPackages: ['mylib'] })).toBe(true);
    expect(validate({ advisory: 'x' })).toBe(false);
    expect(validate({ updateUrl: 'ftp://x' })).toBe(false);
  });
});
