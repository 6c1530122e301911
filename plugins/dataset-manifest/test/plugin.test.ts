import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION } from '@modelgate/plugin-api';
import { describe, expect, it } from 'vitest';
import plugin, { PLUGIN_VERSION } from '../src/index.js';

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

  it('has the severities the issue asks for', () => {
    const severity = (name: string) => plugin.rules[name]!.defaultSeverity;
    expect(['digest-mismatch', 'base-model-digest-mismatch'].map(severity)).toEqual(['critical', 'critical']);
    expect(['file-missing', 'path-unsafe', 'script-digest-mismatch'].map(severity)).toEqual(['high', 'high', 'high']);
    expect(['file-unlisted', 'digest-weak', 'row-count-mismatch'].map(severity)).toEqual(['medium', 'medium', 'medium']);
    expect(['digest-missing', 'date-out-of-range', 'provenance-incomplete'].map(severity)).toEqual(['low', 'low', 'low']);
  });

});
