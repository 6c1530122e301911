import { dirname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RunningServer, ServerSettings } from '@modelgate/server';
import { ExitCode } from '../exit-codes.js';
import { parse } from '../options.js';

/** The options of `modelgate serve`, as commander parses them. */
interface ServeFlags {
  host?: string;
  port?: number;
  dataDir?: string;
  root?: string[];
  tokenFile?: string;
  config?: string;
  maxUploadSize?: number;
  maxConcurrentScans?: number;
  logLevel: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64.');
  return n;
}

/** Runs the server until SIGINT or SIGTERM; returns the exit code. Config errors throw (exit 2). */
async function serveCommand(flags: ServeFlags): Promise<number> {
  // Loaded on use: other commands, --help and --version should not pay for fastify and SQLite.
  const [{ DatabaseError, loadTokens, parseServerSection, resolveSettings, startServer }, { buildEngineInput }] = await Promise.all([
    import('@modelgate/server'),
    import('../load-config.js'),
  ]);
  const { engine, configPath, server } = await buildEngineInput({ config: flags.config });
  const fromFile = configPath ? parseServerSection(server, configPath, dirname(configPath)) : {};
  const fromFlags: Partial<ServerSettings> = {
    host: flags.host,
    port: flags.port,
    dataDir: flags.dataDir,
    ...(flags.root?.length && { roots: flags.root }),
    tokenFile: flags.tokenFile,
    maxUploadBytes: flags.maxUploadSize,
    maxConcurrentScans: flags.maxConcurrentScans,
  };
  const settings = resolveSettings(fromFile, fromFlags);
  const tokens = await loadTokens({ tokenFile: settings.tokenFile, envToken: process.env.MODELGATE_TOKEN });
  let running: RunningServer;
  try {
    running = await startServer({ settings, engine, tokens, logger: flags.logLevel === 'silent' ? false : { level: flags.logLevel } });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof DatabaseError || code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`modelgate: cannot start the server: ${(error as Error).message}\n`);
      return ExitCode.UsageError;
    }
    throw error;
  }
  const { resumed, failed } = running.recovered;
  const recovery = resumed.length || failed.length ? `modelgate: after the restart ${resumed.length} scan(s) resumed, ${failed.length} failed\n` : '';
  const roots = settings.roots.length ? settings.roots.join(', ') : 'none: uploads only';
  process.stderr.write(`${recovery}modelgate: listening on ${running.url} (data ${settings.dataDir}; roots ${roots}; ${tokens.size} token(s))\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`modelgate: ${signal}: shutting down (running scans resume on the next start)\n`);
      running.close().then(resolve, (error: Error) => {
        process.stderr.write(`modelgate: shutdown: ${error.message}\n`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return ExitCode.Clean;
}

/** `modelgate serve`: the scanning service of `@modelgate/server` (HTTP API, dashboard, SQLite). */
export function registerServeCommand(program: Command, result: { code: number }): void {
  program
    .command('serve')
    .description('run the scanning service: HTTP API, dashboard and SQLite persistence')
    .option('--host <host>', 'interface to listen on (default: 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free one (default: 8377)', port)
    .option('--data-dir <dir>', 'directory for the database and uploads (default: .modelgate)')
    .option('--root <dir>', 'allow scans of paths under this directory (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--token-file <file>', 'YAML/JSON list of tokens: { tokens: [{ name, sha256, scopes }] }; MODELGATE_TOKEN adds one full-access token')
    .option('-c, --config <file>', 'config file (default: modelgate.config.{yaml,json} in the working directory); its server: section sets these options')
    .option('--max-upload-size <size>', 'largest accepted upload (default: 1GiB)', parse.byteSize)
    .option('--max-concurrent-scans <n>', 'scans running at once; more wait in the queue (default: 2)', positive)
    .addOption(new Option('--log-level <level>', 'request log (JSON lines) on stdout').choices(['silent', 'error', 'warn', 'info', 'debug']).default('info'))
    .action(async (flags: ServeFlags) => {
      result.code = await serveCommand(flags);
    });
}
