import { Option, type Command } from 'commander';
import { parse } from '../options.js';
import type { CreateFlags } from './manifest-create.js';
import type { VerifyFlags } from './manifest-verify.js';

/**
 * `modelgate manifest create DIR [--output FILE]` writes a deterministic YAML manifest (path,
 * size, sha256 of every file); `modelgate manifest verify DIR [--manifest FILE]` checks DIR
 * against it and exits 0/1/3 like `scan`. Both hash through the engine.
 */
export function registerManifestCommand(program: Command, result: { code: number }): void {
  const manifest = program.command('manifest').description('create or verify a manifest of a directory (sha256 and size of every file)');

  manifest
    .command('create')
    .description('write a manifest of every file of DIR (default DIR/modelgate-manifest.yaml)')
    .argument('<dir>', 'directory to describe')
    .option('-o, --output <file>', 'where to write the manifest ("-" for stdout)')
    .option('--force', 'overwrite an existing file that is not a modelgate manifest')
    .option('-c, --config <file>', 'config file (its ignore patterns and limits apply)')
    .option('--concurrency <n>', 'worker threads: auto, off, or a number', parse.concurrency)
    .option('--no-progress', 'no progress bar on stderr')
    .option('-q, --quiet', 'no progress bar or notices on stderr')
    .action(async (dir: string, flags: CreateFlags) => {
      const { manifestCreate } = await import('./manifest-create.js');
      result.code = await manifestCreate(dir, flags);
    });

  manifest
    .command('verify')
    .description('check DIR against its manifest: digests, sizes, missing and unlisted files')
    .argument('<dir>', 'directory to check')
    .option('-m, --manifest <file>', 'manifest to check against (default DIR/modelgate-manifest.yaml; any document the plugin reads)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json', 'sarif']).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: medium)', parse.severity)
    .option('-c, --config <file>', 'config file')
    .option('--concurrency <n>', 'worker threads: auto, off, or a number', parse.concurrency)
    .option('--no-progress', 'no progress bar on stderr')
    .option('-q, --quiet', 'no progress bar or notices on stderr')
    .option('--color', 'force colors in table output')
    .option('--no-color', 'no colors in table output')
    .action(async (dir: string, flags: VerifyFlags) => {
      const { manifestVerify } = await import('./manifest-verify.js');
      result.code = await manifestVerify(dir, flags);
    });
}
