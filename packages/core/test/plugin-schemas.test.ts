import { API_VERSION, type Plugin } from '@modelgate/plugin-api';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index.js';

function pluginWith(optionsSchema: unknown): Plugin {
  return {
    apiVersion: API_VERSION,
    meta: { name: 'schema-test', version: '1.0.0', namespace: 'schema-test' },
    rules: { r: { description: 'd', defaultSeverity: 'low', messages: { m: 'm' } } },
    scanners: [{ id: 's', scope: 'file', filter: { include: ['*.x'] }, scan: () => {} }],
    optionsSchema: optionsSchema as object,
  };
}

describe('plugin option schemas', () => {
  it('rejects a schema that is not an object when the plugin loads', async () => {
    await expect(createEngine({ plugins: [pluginWith(['not', 'a', 'schema'])], concurrency: 'off' })).rejects.toThrow(/schema-test: optionsSchema is not an object/);
  });

  it('compiles the schema when options are given: a schema Ajv rejects stops the scan with its reason', async () => {
    const broken = pluginWith({ type: 'object', properties: { level: { type: 'no-such-type' } } });
    await expect(createEngine({ plugins: [broken], concurrency: 'off' })).resolves.toBeDefined();
    await expect(createEngine({ plugins: [broken], pluginOptions: { 'schema-test': { level: 1 } }, concurrency: 'off' })).rejects.toThrow(
      /schema-test: invalid optionsSchema: .*type/,
    );
  });

  it('checks the options against a valid schema', async () => {
    const strict = pluginWith({ type: 'object', additionalProperties: false, properties: { level: { type: 'integer' } } });
    await expect(createEngine({ plugins: [strict], pluginOptions: { 'schema-test': { level: 2 } }, concurrency: 'off' })).resolves.toBeDefined();
    await expect(createEngine({ plugins: [strict], pluginOptions: { 'schema-test': { level: 'high' } }, concurrency: 'off' })).rejects.toThrow(
      /invalid options in pluginOptions.schema-test: \/level must be integer/,
    );
  });
});
