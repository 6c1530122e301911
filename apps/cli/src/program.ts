import { Command, CommanderError, Option } from 'commander';
import { FORMATS } from '@modelgate/formatters/formats';
import { ExitCode } from './exit-codes.js';
import { CLI_VERSION as version } from './version.js';
import { parse, type ScanFlags } from './options.js';
import { registerDbCommand } from './commands/db.js';
import { registerManifestCommand } from './commands/manifest.js';
import { registerServeCommand } from './commands/serve.js';

/** Builds the `modelgate` command line. Actions store their exit code in `result.code`. */
export function buildProgram(result: { code: number }): Command {
  const program = new Command('modelgate')
    .description('Scan ML model directories statically: code execution, tampering, broken manifests.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`modelgate: ${text.replace(/^error: /, '')}`) });

  program
    .command('scan')
    .description('scan files and directories')
    .argument('<paths...>', 'files or directories to scan')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...FORMATS]).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: high)', parse.severity)
    .option('--severity <severity>', 'show only findings at or above this severity (does not change what fails)', parse.severity)
    .option('--ignore-file <file>', 'suppression file (default: .modelgate-ignore.yaml next to the config, else in the working directory)')
    .option('--baseline <file>', 'suppress the findings recorded in this baseline: only new findings fail')
    .option('--write-baseline <file>', "record this scan's findings as a baseline (they are then treated as baselined)")
    .option('--prune-suppressions', 'rewrite the suppression file without the entries that matched nothing')
    .option('-c, --config <file>', 'config file (default: modelgate.config.{yaml,json} in the working directory)')
    .option('--concurrency <n>', 'worker threads: auto, off, or a number', parse.concurrency)
    .option('--max-file-size <size>', 'do not scan files larger than this (e.g. 20GB); such files make the scan incomplete', parse.byteSize)
    .option('--timeout <seconds>', 'soft time limit per file', parse.seconds)
    .option('--no-hash', 'do not compute sha256 digests (reads only what plugins need)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('-q, --quiet', 'no progress bar or notices on stderr')
    .option('--color', 'force colors in table output')
    .option('--no-color', 'no colors in table output')
    .option('--advisories <path>', 'advisory data for the requirements plugin: an OSV dump directory or all.zip')
    .action(async (paths: string[], flags: ScanFlags) => {
      // Loaded on use: `modelgate --version` or `--help` should not pay for the engine.
      const { scanCommand } = await import('./scan-command.js');
      result.code = await scanCommand(paths, flags);
    });

  program
    .command('rules')
    .description('list every rule of the loaded plugins')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-c, --config <file>', 'config file')
    .action(async (flags: { format: 'table' | 'json'; config?: string }) => {
      const { rulesCommand } = await import('./rules-command.js');
      result.code = await rulesCommand(flags);
    });
  registerManifestCommand(program, result);
  registerDbCommand(program, result);
  registerServeCommand(program, result);
  return program;
}

/** Errors (and their subclasses) that mean "the command line, config or a plugin is wrong": exit 2 with the message alone. */
const USAGE_ERRORS = new Set(['ConfigError', 'PluginLoadError', 'TargetError']);

/** Matched by class name along the prototype chain, so this module need not load the engine to recognise them. */
function isUsageError(error: unknown): error is Error {
  for (let proto = error; proto; proto = Object.getPrototypeOf(proto)) {
    if (USAGE_ERRORS.has((proto as { constructor?: { name?: string } }).constructor?.name ?? '')) return true;
  }
  return false;
}

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. Never throws. */
export async function run(argv: string[]): Promise<number> {
  const result = { code: ExitCode.Clean as number };
  const program = buildProgram(result);
  try {
    await program.parseAsync(argv);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Clean : ExitCode.UsageError;
    }
    if (isUsageError(error)) {
      process.stderr.write(`modelgate: ${error.message}\n`);
      return ExitCode.UsageError;
    }
    process.stderr.write(`modelgate: fatal: ${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.UsageError;
  }
}
