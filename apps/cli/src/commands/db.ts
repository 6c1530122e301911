import type { Command } from 'commander';
import type { DbFlags } from './db-actions.js';

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
      const { dbImport, run } = await import('./db-actions.js');
      await run(result, () => dbImport(path, flags), flags.quiet);
    });
  db.command('update')
    .description("download OSV's PyPI advisories (all.zip) and index them into the cache directory")
    .option('--url <url>', "zip to download (default: config requirements.updateUrl, or OSV's PyPI all.zip)")
    .option('--cache-dir <dir>', 'cache directory (default: config requirements.cacheDir, $XDG_CACHE_HOME/modelgate or ~/.cache/modelgate)')
    .option('-c, --config <file>', 'config file')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (flags: DbFlags & { url?: string }) => {
      const { dbUpdate, run } = await import('./db-actions.js');
      await run(result, () => dbUpdate(flags), flags.quiet);
    });
}
