import { describe, expect, it } from 'vitest';
import { createEngine, parseConfig } from '../src/index.js';
import { testPlugin } from './helpers.js';

describe('config files', () => {
  it('converts sizes and seconds, and names every bad key', () => {
    const { engine, failOn } = parseConfig({ failOn: 'medium', limits: { maxFileSize: '2GiB', timeout: 5 } }, '/x/modelgate.config.yaml');
    expect(failOn).toBe('medium');
    expect(engine.limits).toEqual({ maxFileSize: 2 * 1024 ** 3, timeoutMs: 5000 });
    expect(engine.baseDir).toBe('/x');
    expect(() => parseConfig({ failon: 'high' }, 'c.yaml')).toThrow(/unknown key "failon"/);
    expect(() => parseConfig({ limits: { timeout: -1 } }, 'c.yaml')).toThrow(/"limits.timeout" must be > 0/);
    expect(() => parseConfig({ rules: { 'a/b': 'severe' } }, 'c.yaml')).toThrow(/"rules.a\/b" must be one of/);
  });

  it('reads a top-level object named like a plugin namespace as that plugin\'s options', async () => {
    const { engine } = parseConfig({ marker: { level: 2 }, pluginOptions: { other: { x: 1 } } }, 'c.yaml');
    expect(engine.pluginOptions).toEqual({ marker: { level: 2 }, other: { x: 1 } });
    await expect(createEngine({ plugins: [testPlugin('marker')], pluginOptions: { marker: {} }, concurrency: 'off' })).resolves.toBeDefined();
    await expect(createEngine({ plugins: [testPlugin('marker')], pluginOptions: { markr: {} }, concurrency: 'off' })).rejects.toThrow(
      /unknown key "markr": neither a config option nor the namespace of a loaded plugin/,
    );
  });
});
