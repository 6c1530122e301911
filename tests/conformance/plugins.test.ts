import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '@modelgate/core';

const root = new URL('../../', import.meta.url).pathname;
const pluginDirs = [...readdirSync(join(root, 'plugins')).map((name) => join('plugins', name)), 'examples/plugin-secrets'];

/** Every file under `dir` (recursively) whose name ends with `.ts`. */
function testSources(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

describe.each(pluginDirs)('%s', (dir) => {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; version: string; exports: Record<string, unknown> };
  const entry = join(root, dir, 'dist', manifest.exports['./plugin'] ? 'plugin.js' : 'index.js');

  it('loads and validates through the engine, with the version of its package', async () => {
    const engine = await createEngine({ plugins: [entry], concurrency: 'off' });
    await engine.close();
    const [plugin] = engine.plugins;
    expect(plugin!.meta.name).toBe(manifest.name);
    expect(plugin!.meta.version).toBe(manifest.version);
    expect(engine.rules.filter((r) => r.plugin === manifest.name).length).toBe(Object.keys(plugin!.rules).length);
  });

  it('declares every rule with a description and well-formed messages, documented, listed and tested', async () => {
    const { default: plugin } = (await import(entry)) as { default: import('@modelgate/plugin-api').Plugin };
    const readme = readFileSync(join(root, dir, 'README.md'), 'utf8');
    const tests = testSources(join(root, dir, 'test'));
    const docs = readdirSync(join(root, dir, 'docs/rules')).filter((f) => f.endsWith('.md'));
    expect(docs.sort()).toEqual(Object.keys(plugin.rules).map((name) => `${name}.md`).sort());
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.description.length, name).toBeGreaterThan(20);
      const lines = readme.split('\n');
      const row = lines.find((line) => line.includes(`(docs/rules/${name}.md)`)) ?? lines.find((line) => line.startsWith('|') && line.includes(`${name}\``));
      expect(row, `README row for ${name}`).toBeDefined();
      expect(row, `README row for ${name}`).toContain(rule.defaultSeverity);
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(template.replace(/\{\{\s*[\w.-]+\s*\}\}/g, ''), `${name}/${id}`).not.toMatch(/\{\{|\}\}/);
        expect(tests, `the tests of ${dir} never mention ${name}/${id}`).toMatch(new RegExp(`\\b${id}\\b`));
      }
    }
  });
});
