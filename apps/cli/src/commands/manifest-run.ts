import { createEngine, type EngineConfigInput } from '@modelgate/core';
import type { Report } from '@modelgate/plugin-api';
import { ProgressBar } from '../progress.js';

/** Scans `dir` with `input`, a progress bar on a TTY, and Ctrl-C cancelling. Returns the report. */
export async function runEngine(dir: string, input: EngineConfigInput, showProgress: boolean): Promise<Report> {
  const engine = await createEngine(input);
  const bar = showProgress && process.stderr.isTTY === true ? new ProgressBar() : undefined;
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  try {
    const run = engine.scan([dir], { signal: interrupt.signal });
    for await (const event of run) {
      if (event.type === 'run-start') bar?.start(event);
      else if (event.type === 'progress') bar?.update(event);
    }
    return await run.report;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    await engine.close();
  }
}

/** Rule overrides of the config that concern the manifest plugin (the others name unloaded plugins). */
export function manifestRules(rules: EngineConfigInput['rules']): NonNullable<EngineConfigInput['rules']> {
  return Object.fromEntries(Object.entries(rules ?? {}).filter(([id]) => id.startsWith('manifest/')));
}
