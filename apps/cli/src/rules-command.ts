import { createEngine } from '@modelgate/core';
import { buildEngineInput } from './load-config.js';

/** Prints every rule of the loaded plugins: id, severity (after config), plugin, description. */
export async function rulesCommand(flags: { config?: string; format: 'table' | 'json' }): Promise<number> {
  const { engine: input } = await buildEngineInput({ config: flags.config });
  const engine = await createEngine({ ...input, concurrency: 'off' });
  await engine.close();
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(engine.rules, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...engine.rules.map((r) => r.id.length), 4);
  const lines = engine.rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${r.description}`);
  process.stdout.write(`${'RULE'.padEnd(idWidth)}  SEVERITY  DESCRIPTION\n${lines.join('\n')}\n`);
  return 0;
}
