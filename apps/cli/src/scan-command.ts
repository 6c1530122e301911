import { writeFile } from 'node:fs/promises';
import { createEngine, type Engine } from '@modelgate/core';
import { formatReport } from '@modelgate/formatters';
import type { Report } from '@modelgate/plugin-api';
import { ExitCode } from './exit-codes.js';
import { exitStatus } from './exit-status.js';
import { buildEngineInput } from './load-config.js';
import type { ScanFlags } from './options.js';
import { ProgressBar } from './progress.js';

/** Runs `modelgate scan`: returns the exit code. Usage and config errors throw. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const { engine: input, failOn } = await buildEngineInput(flags);
  const engine: Engine = await createEngine(input);
  const showProgress = flags.progress && !flags.quiet && process.stderr.isTTY === true;
  const bar = showProgress ? new ProgressBar() : undefined;
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  let report: Report;
  try {
    const run = engine.scan(paths, { signal: interrupt.signal });
    for await (const event of run) {
      if (event.type === 'run-start') bar?.start(event);
      else if (event.type === 'progress') bar?.update(event);
    }
    report = await run.report;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    await engine.close();
  }
  const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  // Fit a terminal; in a pipe or a file, lines may be long rather than wrapped mid-path.
  const width = flags.output === undefined && process.stdout.isTTY ? process.stdout.columns || 100 : 200;
  const text = formatReport(report, flags.format, { color, width });
  if (flags.output) {
    await writeFile(flags.output, text);
    if (!flags.quiet) process.stderr.write(`modelgate: ${flags.format} report written to ${flags.output}\n`);
  } else {
    process.stdout.write(text);
  }
  const status = exitStatus(report, failOn);
  if (!flags.quiet && status === ExitCode.Incomplete) {
    process.stderr.write(`modelgate: scan incomplete: ${report.errors.length} error(s); see the report's errors\n`);
  }
  return status;
}
