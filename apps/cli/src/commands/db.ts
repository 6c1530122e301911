import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findConfigFile, loadConfigFile } from '@modelgate/core';
import { DEFAULT_UPDATE_URL, importAdvisories, resolveCacheDir, updateAdvisories, type AdvisoryIndexFile } from '@modelgate/plugin-requirements';
import { ExitCode } from '../exit-codes.js';

/** Flags shared by `db import` and `db update`. */
interface DbFlags {
  cacheDir?: string;
  config?: string;
  quiet?: boolean;
}

/** The `requirements:` options of the config file (cacheDir, updateUrl), if any. */
async function requirementsConfig(configFlag?: string): Promise<{ cacheDir?: string; updateUrl?: string }> {
  const configPath = configFlag ?? findConfigFile(process.cwd());
  if (!configPath) return {};
  const { engine } = await loadConfigFile(configPath);
  const options = engine.pluginOptions?.requirements ?? {};
  const base = engine.baseDir ?? process.cwd();
  const cacheDir = typeof options.cacheDir === 'string' ? resolve(base, options.cacheDir) : undefined;
  const updateUrl = typeof options.updateUrl === 'string' ? options.updateUrl : undefined;
  return { ...(cacheDir && { cacheDir }), ...(updateUrl && { updateUrl }) };
}

function summary(index: AdvisoryIndexFile, path: string): string {
  const p = index.provenance;
  return `modelgate: indexed ${index.count} advisories for ${Object.keys(index.packages).length} packages from ${p.location} (data up to ${p.dataDate ?? 'unknown date'}${index.skipped ? `, ${index.skipped} skipped` : ''}) into ${path}\n`;
}

async function run(result: { code: number }, action: () => Promise<string>, quiet?: boolean): Promise<void> {
  try {
    const text = await action();
    if (!quiet) process.stderr.write(text);
    result.code = ExitCode.Clean;
  } catch (error) {
    process.stderr.write(`modelgate: ${(error as Error).message}\n`);
    result.code = ExitCode.UsageError;
  }
}

/**
 * `modelgate db import PATH` (a directory of OSV JSON/YAML files or an OSV `all.zip`) and
 * `modelgate db update [--url URL]` (downloads OSV's PyPI dump): both build the advisory index
 * that scans load from the cache directory (`--cache-dir`, config `requirements.cacheDir`,
 * `$XDG_CACHE_HOME/modelgate` or `~/.cache/modelgate`). Exit 0 on success, 2 on failure.
 */
export function registerDbCommand(program: Command, result: { code: number }): void {
  const db = program.command('db').description('manage the local advisory database of the requirements plugin');
  db.command('import')
    .description('index a local OSV dump (a directory of OSV JSON/YAML files, or an all.zip) into the cache directory')
    .argument('<path>', 'OSV directory or zip')
    .option('--cache-dir <dir>', 'cache directory (default: config requirements.cacheDir, $XDG_CACHE_HOME/modelgate or ~/.cache/modelgate)')
    .option('-c, --config <file>', 'config file')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (path: string, flags: DbFlags) => {
      await run(
        result,
        async () => {
          const config = await requirementsConfig(flags.config);
          const cacheDir = resolveCacheDir(flags.cacheDir ?? config.cacheDir);
          const { index, path: written } = await importAdvisories(resolve(path), cacheDir);
          return summary(index, written);
        },
        flags.quiet,
      );
    });
  db.command('update')
    .description("download OSV's PyPI advisories (all.zip) and index them into the cache directory")
    .option('--url <url>', `zip to download (default: config requirements.updateUrl, or ${DEFAULT_UPDATE_URL})`)
    .option('--cache-dir <dir>', 'cache directory (default: config requirements.cacheDir, $XDG_CACHE_HOME/modelgate or ~/.cache/modelgate)')
    .option('-c, --config <file>', 'config file')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (flags: DbFlags & { url?: string }) => {
      await run(
        result,
        async () => {
          const config = await requirementsConfig(flags.config);
          const cacheDir = resolveCacheDir(flags.cacheDir ?? config.cacheDir);
          const url = flags.url ?? config.updateUrl ?? DEFAULT_UPDATE_URL;
          if (!/^https?:\/\//i.test(url)) throw new Error(`--url must be an http(s) URL: ${url}`);
          const { index, path: written, bytes } = await updateAdvisories(url, cacheDir);
          return `modelgate: downloaded ${bytes} bytes from ${url}\n${summary(index, written)}`;
        },
        flags.quiet,
      );
    });
}
