import { resolve } from 'node:path';
import { findConfigFile, loadConfigFile } from '@modelgate/core';
import { DEFAULT_UPDATE_URL, importAdvisories, resolveCacheDir, updateAdvisories, type AdvisoryIndexFile } from '@modelgate/plugin-requirements';
import { ExitCode } from '../exit-codes.js';

/** Flags shared by `db import` and `db update`. */
export interface DbFlags {
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

export async function run(result: { code: number }, action: () => Promise<string>, quiet?: boolean): Promise<void> {
  try {
    const text = await action();
    if (!quiet) process.stderr.write(text);
    result.code = ExitCode.Clean;
  } catch (error) {
    process.stderr.write(`modelgate: ${(error as Error).message}\n`);
    result.code = ExitCode.UsageError;
  }
}

/** `db import`: index a local OSV dump into the cache directory; returns the line to print. */
export async function dbImport(path: string, flags: DbFlags): Promise<string> {
  const config = await requirementsConfig(flags.config);
  const cacheDir = resolveCacheDir(flags.cacheDir ?? config.cacheDir);
  const { index, path: written } = await importAdvisories(resolve(path), cacheDir);
  return summary(index, written);
}

/** `db update`: download an OSV zip and index it; returns the lines to print. */
export async function dbUpdate(flags: DbFlags & { url?: string }): Promise<string> {
  const config = await requirementsConfig(flags.config);
  const cacheDir = resolveCacheDir(flags.cacheDir ?? config.cacheDir);
  const url = flags.url ?? config.updateUrl ?? DEFAULT_UPDATE_URL;
  if (!/^https?:\/\//i.test(url)) throw new Error(`--url must be an http(s) URL: ${url}`);
  const { index, path: written, bytes } = await updateAdvisories(url, cacheDir);
  return `modelgate: downloaded ${bytes} bytes from ${url}\n${summary(index, written)}`;
}
