import { createEngine, type Engine } from '@modelgate/core';
import type { Report } from '@modelgate/plugin-api';
import { applyScanPolicy } from './apply-policy.js';
import { ExitCode } from './exit-codes.js';
import { exitStatus } from './exit-status.js';
import { buildEngineInput } from './load-config.js';
import { loadPolicy } from './load-policy.js';
import type { ScanFlags } from './options.js';
import { ndjsonWriter, openSink, type ReportSink } from './scan-output.js';

/** One-line form of a notice for stderr. */
function noticeLine(notice: NonNullable<Report['notices']>[number]): string {
  const where = notice.source === undefined ? '' : `${notice.source}${notice.line === undefined ? '' : `:${notice.line}`}: `;
  return `modelgate: ${notice.level}: ${where}${notice.message}\n`;
}

/** Runs `modelgate scan`: returns the exit code. Usage, config, suppression and baseline errors throw. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const { engine: input, failOn, configPath } = await buildEngineInput(flags);
  const policy = await loadPolicy(flags, configPath);
  const engine: Engine = await createEngine(input);
  // Needed for the report at the end (or the first streamed event): loaded while the scan starts,
  // not before the workers are.
  const formatters = import('@modelgate/formatters');
  formatters.catch(() => {}); // awaited below, unless the scan fails first
  const showProgress = flags.progress && !flags.quiet && process.stderr.isTTY === true;
  // The bar's library is loaded only for a terminal that shows it.
  const bar = showProgress ? new (await import('./progress.js')).ProgressBar() : undefined;
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  const streaming = flags.format === 'ndjson';
  let sink: ReportSink | undefined = streaming ? await openSink(flags.output) : undefined;
  const stream = sink === undefined ? undefined : ndjsonWriter(sink, flags.severity, (await formatters).formatNdjsonEvent);
  let raw: Report;
  let closing: Promise<void> | undefined;
  try {
    const run = engine.scan(paths, { signal: interrupt.signal });
    for await (const event of run) {
      if (event.type === 'run-start') bar?.start(event);
      else if (event.type === 'progress') bar?.update(event);
      stream?.(event);
    }
    raw = await run.report;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    // The worker threads stop while the report is formatted and written.
    closing = engine.close();
    closing.catch(() => {}); // awaited below, unless the report could not be made
  }
  const { report, messages } = await applyScanPolicy(raw, policy, flags);
  if (!flags.quiet) {
    for (const notice of report.notices ?? []) process.stderr.write(noticeLine(notice));
    for (const message of messages) process.stderr.write(`modelgate: ${message}\n`);
  }

  const { filterBySeverity, formatNdjsonEvent, formatReport } = await formatters;
  if (sink !== undefined) {
    sink.write(formatNdjsonEvent({ type: 'run-end', report: filterBySeverity(report, flags.severity) }));
  } else {
    const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
    // Fit a terminal; in a pipe or a file, lines may be long rather than wrapped mid-path.
    const width = flags.output === undefined && process.stdout.isTTY ? process.stdout.columns || 100 : 200;
    const text = formatReport(report, flags.format, { color, width, ...(flags.severity !== undefined && { severity: flags.severity }) });
    sink = await openSink(flags.output);
    sink.write(text);
  }
  await sink.close();
  await closing;
  if (flags.output && !flags.quiet) process.stderr.write(`modelgate: ${flags.format} report written to ${flags.output}\n`);

  // What fails is decided on every finding, whatever --severity shows.
  const status = exitStatus(report, failOn);
  if (!flags.quiet && status === ExitCode.Incomplete) {
    process.stderr.write(`modelgate: scan incomplete: ${report.errors.length} error(s); see the report's errors\n`);
  }
  return status;
}
