import { readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TargetError } from '@modelgate/core';
import { MANIFEST_FILE_NAME, writeManifest, type ManifestFile } from '@modelgate/plugin-dataset-manifest';
import { ExitCode } from '../exit-codes.js';
import { buildEngineInput } from '../load-config.js';
import { runEngine } from './manifest-run.js';
import { CLI_VERSION as version } from '../version.js';

/** Flags of `modelgate manifest create`. */
export interface CreateFlags {
  output?: string;
  force?: boolean;
  config?: string;
  concurrency?: 'auto' | 'off' | number;
  progress: boolean;
  quiet?: boolean;
}

/**
 * `modelgate manifest create DIR`: scans DIR with hashing on and no plugins, then writes every
 * file's path, size and the engine's sha256 as a deterministic YAML manifest (default
 * `DIR/modelgate-manifest.yaml`; `-` for stdout). Nothing is written when a file could not be
 * hashed: a manifest claiming `complete: true` must be complete (exit 3).
 */
export async function manifestCreate(dir: string, flags: CreateFlags): Promise<number> {
  const root = await realDirectory(dir);
  const toStdout = flags.output === '-';
  const output = toStdout ? undefined : resolve(flags.output ?? join(root, MANIFEST_FILE_NAME));
  let exclude: string | undefined;
  if (output !== undefined) {
    const outputDir = await realpath(dirname(output)).catch(() => dirname(output));
    const rel = relative(root, join(outputDir, basename(output)));
    if (!rel.startsWith('..') && !isAbsolute(rel)) {
      if (rel.includes(sep)) throw new TargetError(`--output inside ${dir} must be directly in it (paths in the manifest are relative to the manifest's directory)`);
      exclude = rel;
    }
    await refuseForeignFile(output, flags.force === true);
  }
  const { engine } = await buildEngineInput({ ...(flags.config !== undefined && { config: flags.config }), ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }) });
  const report = await runEngine(root, { ...engine, plugins: [], pluginOptions: {}, rules: {}, hash: true }, flags.progress && !flags.quiet);
  if (report.errors.length || !report.run.complete) {
    for (const error of report.errors.slice(0, 20)) process.stderr.write(`modelgate: ${error.path}: ${error.code}: ${error.message}\n`);
    process.stderr.write(`modelgate: manifest not written: ${report.errors.length} file(s) could not be hashed\n`);
    return ExitCode.Incomplete;
  }
  const files: ManifestFile[] = [];
  const skipped: string[] = [];
  for (const file of report.files) {
    if (file.member !== undefined || file.path === exclude) continue;
    if (file.status === 'skipped' || file.sha256 === undefined) skipped.push(`${file.path} (${file.reason ?? 'not hashed'})`);
    else files.push({ path: file.path, size: file.size, sha256: file.sha256 });
  }
  const text = writeManifest(files, `modelgate ${version}`);
  if (output === undefined) {
    process.stdout.write(text);
  } else {
    const temporary = `${output}.tmp-${process.pid}`;
    await writeFile(temporary, text);
    await rename(temporary, output);
  }
  if (!flags.quiet) {
    for (const line of skipped.slice(0, 20)) process.stderr.write(`modelgate: not in the manifest: ${line}\n`);
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    process.stderr.write(`modelgate: manifest of ${files.length} file(s), ${bytes} bytes${output ? ` written to ${output}` : ''}\n`);
  }
  return ExitCode.Clean;
}

/** The real path of a directory to work on; a usage error otherwise. */
export async function realDirectory(dir: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if ((await stat(real)).isDirectory()) return real;
  } catch {}
  throw new TargetError(`${dir} is not a directory`);
}

/** Overwrites only a previous modelgate manifest, unless --force. */
async function refuseForeignFile(output: string, force: boolean): Promise<void> {
  if (force) return;
  const existing = await readFile(output, 'utf8').catch(() => undefined);
  if (existing !== undefined && !existing.startsWith('# modelgate manifest')) {
    throw new TargetError(`${output} exists and is not a modelgate manifest; use --force to overwrite it`);
  }
}
