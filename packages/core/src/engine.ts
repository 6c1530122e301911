import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import type { Plugin, Report, ReportRule } from '@modelgate/plugin-api';
import { ConfigError } from './config-file.js';
import { DEFAULT_IGNORES, resolveConfig, type EngineConfig, type EngineConfigInput } from './config.js';
import { containerRules } from './builtin-rules.js';
import { EventQueue } from './event-queue.js';
import type { ScanEvent } from './events.js';
import { importPlugin, PluginLoadError, resolvePluginSpecifier, validatePlugin, validatePluginOptions, type LoadedPlugin } from './plugin-loader.js';
import { ReportBuilder, sortFindings } from './report-builder.js';
import { createFingerprinter } from './fingerprint.js';
import { RuleCatalog } from './rule-catalog.js';
import type { ScannerRuntime } from './scanner-runtime.js';
import { directoryTasks, directoryWork, scanInPool } from './pool-scan.js';
import type { FileTask, ListingEntry, TaskOutcome, TaskSettings } from './tasks.js';
import { walk } from './walk.js';
import { autoThreads, WorkerPool, WorkerTaskError } from './worker-pool.js';

const ownPackage = createRequire(import.meta.url)('../package.json') as { version: string };

/** Options of one scan. */
export interface ScanOptions {
  /** Cancels the scan; the report then says it is incomplete. */
  signal?: AbortSignal;
}

/** A running scan: iterate it for events, or await `report`. */
export interface ScanRun extends AsyncIterable<ScanEvent> {
  readonly report: Promise<Report>;
}

/** A configured engine: plugins loaded and validated once, a worker pool shared by its scans. */
export interface Engine {
  /** Every rule of the loaded plugins, with effective severities. */
  readonly rules: ReportRule[];
  readonly plugins: readonly Plugin[];
  readonly config: EngineConfig;
  /** Starts a scan of files and directories. */
  scan(targets: string[], options?: ScanOptions): ScanRun;
  /** Stops the worker threads. The engine cannot scan afterwards. */
  close(): Promise<void>;
}

/** Module URLs of the plugins given as specifiers (undefined for plugin objects), in config order. */
function resolvePlugins(config: EngineConfig): (string | undefined)[] {
  const baseDirs = [config.baseDir, process.cwd(), dirname(fileURLToPath(import.meta.url))];
  return config.plugins.map((entry) => (typeof entry === 'string' ? resolvePluginSpecifier(entry, baseDirs) : undefined));
}

async function loadPlugins(config: EngineConfig, moduleUrls: (string | undefined)[]): Promise<LoadedPlugin[]> {
  const loaded = await Promise.all(
    config.plugins.map(async (entry, i): Promise<LoadedPlugin> => {
      const moduleUrl = moduleUrls[i];
      if (typeof entry === 'string' && moduleUrl) return { plugin: await importPlugin(moduleUrl, entry), moduleUrl };
      return { plugin: validatePlugin(entry, (entry as Plugin)?.meta?.name ?? 'plugin object') };
    }),
  );
  const namespaces = new Map<string, string>([['container', '@modelgate/core']]);
  const unknownOptions = Object.keys(config.pluginOptions).filter((ns) => !loaded.some((l) => l.plugin.meta.namespace === ns));
  if (unknownOptions.length) {
    throw new ConfigError(`unknown key ${unknownOptions.map((k) => `"${k}"`).join(', ')}: neither a config option nor the namespace of a loaded plugin`);
  }
  for (const { plugin } of loaded) {
    const other = namespaces.get(plugin.meta.namespace);
    if (other) throw new PluginLoadError(plugin.meta.name, `namespace "${plugin.meta.namespace}" is already used by ${other}`);
    namespaces.set(plugin.meta.namespace, plugin.meta.name);
    validatePluginOptions(plugin, config.pluginOptions[plugin.meta.namespace]);
  }
  return loaded;
}

/**
 * Creates an engine: resolves, imports and validates the plugins on this thread (errors are
 * thrown here, before any scan), then starts the worker pool lazily on the first scan.
 */
export async function createEngine(input: EngineConfigInput = {}): Promise<Engine> {
  const config = resolveConfig(input);
  const moduleUrls = resolvePlugins(config);
  const settings: TaskSettings = { hash: config.hash, limits: config.limits, pluginOptions: config.pluginOptions };
  const threads = config.concurrency === 'off' ? 0 : config.concurrency === 'auto' ? autoThreads() : config.concurrency;
  if (threads > 0 && moduleUrls.some((url) => url === undefined)) {
    const objects = config.plugins.filter((p): p is Plugin => typeof p !== 'string').map((p) => p?.meta?.name ?? 'plugin object');
    throw new PluginLoadError(objects.join(', '), 'plugin objects can only run in-process: set concurrency to "off" or give a module specifier');
  }
  let pool: WorkerPool | undefined;
  let closed = false;
  const getPool = () => (pool ??= new WorkerPool({ pluginUrls: moduleUrls as string[], settings, threads, memoryMb: config.limits.workerMemoryMb }));
  // Workers start importing the plugins while this thread imports and validates them.
  if (threads > 0) getPool();
  let loaded: LoadedPlugin[];
  let catalog: RuleCatalog;
  try {
    loaded = await loadPlugins(config, moduleUrls);
    catalog = new RuleCatalog([containerRules, ...loaded.map((l) => l.plugin)], config.rules, config.overrides);
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const plugins = loaded.map((l) => l.plugin);
  // An in-process engine runs every scanner on this thread; a pool engine only scans here the small
  // files that need no plugin, once its workers are busy hashing (see scanInPool).
  let runtime: Promise<ScannerRuntime> | undefined;
  const localRuntime = () => (runtime ??= import('./scanner-runtime.js').then((m) => new m.ScannerRuntime(plugins, settings)));
  const inProcess = threads === 0 ? await localRuntime() : undefined;

  return {
    rules: catalog.toReportRules(),
    plugins,
    config,
    scan(targets, options = {}) {
      if (closed) throw new Error('engine is closed');
      const queue = new EventQueue<ScanEvent>();
      const report = runScan({ targets, config, plugins, catalog, queue, cancel: options.signal ?? new AbortController().signal, inProcess, local: localRuntime, getPool });
      report.then(
        () => queue.close(),
        () => queue.close(),
      );
      return { report, [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator]() };
    },
    async close() {
      closed = true;
      await pool?.close();
      pool = undefined;
    },
  };
}

interface RunContext {
  targets: string[];
  config: EngineConfig;
  plugins: Plugin[];
  catalog: RuleCatalog;
  queue: EventQueue<ScanEvent>;
  cancel: AbortSignal;
  inProcess: ScannerRuntime | undefined;
  /** For the plugin-free small files a pool scan takes on this thread. */
  local: () => Promise<ScannerRuntime>;
  getPool: () => WorkerPool;
}

async function runScan(run: RunContext): Promise<Report> {
  const { config, queue, cancel } = run;
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  // Workers start (and import the plugins) while the main thread walks the tree.
  if (!run.inProcess) run.getPool();
  const walked = await walk(run.targets, { ignore: [...DEFAULT_IGNORES, ...config.ignore], followSymlinks: config.followSymlinks, signal: cancel });
  const builder = new ReportBuilder(run.catalog);
  for (const skip of walked.skipped) builder.addFile({ path: skip.path, size: skip.size, status: 'skipped', reason: skip.reason });
  for (const error of walked.errors) builder.addError(error);

  const totalBytes = walked.files.reduce((sum, f) => sum + f.size, 0);
  queue.push({ type: 'run-start', startedAt, root: walked.root, targets: run.targets, totalFiles: walked.files.length, totalBytes });
  let filesDone = 0;
  let bytesDone = 0;
  const listing = new Map<string, ListingEntry>();
  const accepted = new Set<string>();
  // Streamed findings get the fingerprints the final report gives them (see createFingerprinter).
  const fingerprint = createFingerprinter();
  /** Records a disk file's format and digest for directory scanners. */
  const list = (outcome: TaskOutcome, file: FileTask) => {
    const disk = outcome.entries.find((e) => e.member === undefined);
    listing.set(file.path, {
      path: file.path,
      fsPath: file.fsPath,
      size: disk?.size ?? file.size,
      ...(disk?.format && { format: disk.format }),
      ...(disk?.sha256 && { sha256: disk.sha256 }),
    });
  };
  const accept = (outcome: TaskOutcome, file?: FileTask) => {
    const findings = builder.add(outcome);
    queue.push({ type: 'file', path: outcome.path, entries: outcome.entries, findings: fingerprint(sortFindings(findings)), errors: outcome.errors });
    if (file) {
      list(outcome, file);
      accepted.add(file.path);
      filesDone++;
      bytesDone += file.size;
      queue.push({ type: 'progress', filesDone, totalFiles: walked.files.length, bytesDone, totalBytes, elapsedMs: Date.now() - started });
    }
  };

  const tasks: FileTask[] = walked.files.map((f) => ({ fsPath: f.fsPath, path: f.path, size: f.size }));
  let cancelled = false;
  try {
    const runtime = run.inProcess;
    if (runtime) {
      // In-process: one file after another, then every directory task.
      for (const task of tasks) {
        if (cancel.aborted) break;
        accept(await runtime.scanFile(task, cancel), task);
      }
      const directories = cancel.aborted ? [] : directoryTasks(directoryWork(run.plugins, walked).all, walked, listing);
      for (const task of directories) {
        if (cancel.aborted) break;
        accept(await runtime.scanDirectory(task, cancel));
      }
    } else {
      await scanInPool({ pool: run.getPool(), config, plugins: run.plugins, cancel, local: run.local }, walked, tasks, { accept, list, listing });
    }
  } catch (error) {
    if (!(error instanceof WorkerTaskError && error.code === 'CANCELLED')) throw error;
  }
  if (cancel.aborted) {
    cancelled = true;
    for (const task of tasks) {
      if (!accepted.has(task.path)) builder.addFile({ path: task.path, size: task.size, status: 'skipped', reason: 'scan cancelled' });
    }
  }
  const report = builder.build({
    version: ownPackage.version,
    plugins: run.plugins.map((p) => ({ name: p.meta.name, version: p.meta.version })),
    startedAt,
    durationMs: Date.now() - started,
    targets: run.targets,
    root: walked.root,
    cancelled,
  });
  queue.push({ type: 'run-end', report });
  return report;
}
