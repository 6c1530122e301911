import { realpath, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TargetError } from '@modelgate/core';
import { formatReport } from '@modelgate/formatters';
import { MANIFEST_FILE_NAME } from '@modelgate/plugin-dataset-manifest';
import type { Severity } from '@modelgate/plugin-api';
import { ExitCode } from '../exit-codes.js';
import { exitStatus } from '../exit-status.js';
import { buildEngineInput } from '../load-config.js';
import { realDirectory } from './manifest-create.js';
import { manifestRules, runEngine } from './manifest-run.js';

/** Flags of `modelgate manifest verify`. */
export interface VerifyFlags {
  manifest?: string;
  format: 'table' | 'json' | 'sarif';
  output?: string;
  failOn?: Severity;
  config?: string;
  concurrency?: 'auto' | 'off' | number;
  progress: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** Default threshold of `verify`: an unlisted file (medium) fails verification too. */
export const VERIFY_FAIL_ON: Severity = 'medium';

/**
 * `modelgate manifest verify DIR [--manifest FILE]`: scans DIR with hashing on and only the
 * dataset-manifest plugin, told to check that one manifest (`pluginOptions.manifest`). Exit codes
 * as `scan`: 0 clean, 1 a finding at or above --fail-on (default medium), 3 incomplete.
 */
export async function manifestVerify(dir: string, flags: VerifyFlags): Promise<number> {
  const root = await realDirectory(dir);
  const given = resolve(flags.manifest ?? join(root, MANIFEST_FILE_NAME));
  const manifest = await realpath(given).catch(() => {
    throw new TargetError(`no manifest at ${given}; create one with: modelgate manifest create ${dir}`);
  });
  const rel = relative(root, manifest);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const option = inside ? rel.split(sep).join('/') : manifest;

  const { engine } = await buildEngineInput({ ...(flags.config !== undefined && { config: flags.config }), ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }) });
  const plugin = fileURLToPath(import.meta.resolve('@modelgate/plugin-dataset-manifest'));
  const report = await runEngine(
    root,
    { ...engine, plugins: [plugin], pluginOptions: { manifest: { ...engine.pluginOptions?.manifest, manifest: option } }, rules: manifestRules(engine.rules), hash: true },
    flags.progress && !flags.quiet,
  );

  const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const width = flags.output === undefined && process.stdout.isTTY ? process.stdout.columns || 100 : 200;
  const text = formatReport(report, flags.format, { color, width });
  if (flags.output) await writeFile(flags.output, text);
  else process.stdout.write(text);

  const checked = (report.inventory.manifest ?? []).find((entry) => entry.document === option);
  const status = exitStatus(report, flags.failOn ?? VERIFY_FAIL_ON);
  if (!checked && status !== ExitCode.Findings) {
    process.stderr.write(`modelgate: ${manifest} was not checked; see the report's errors\n`);
    return ExitCode.Incomplete;
  }
  if (!flags.quiet && checked) {
    const { entries, present, verified } = checked as { entries: number; present: number; verified: number };
    const outcome = status === ExitCode.Clean ? 'OK' : status === ExitCode.Findings ? 'FAILED' : 'INCOMPLETE';
    process.stderr.write(`modelgate: ${outcome}: ${verified} of ${entries} listed file(s) verified (${present} present), ${report.findings.length} finding(s), ${report.errors.length} error(s)\n`);
  }
  return status;
}
