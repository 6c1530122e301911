import type { DirectoryScanner, Plugin } from '@modelgate/plugin-api';
import type { EngineConfig } from './config.js';
import { compileDirectoryTrigger, compileGlobs } from '@modelgate/plugin-api/filter';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { KEEP_WHOLE_BYTES } from './disk-source.js';
import { batchFiles, planFileTasks, runBatch, runHash } from './scheduler.js';
import type { ScannerRuntime } from './scanner-runtime.js';
import { emptyOutcome, type DirectoryTask, type FileTask, type HashOutcome, type ListingEntry, type TaskOutcome } from './tasks.js';
import type { WalkResult } from './walk.js';
import { WorkerTaskError, type WorkerPool } from './worker-pool.js';

/** Directory scanner ids (`namespace:id`) wanted per directory ('' is the scan root). */
type DirectoryWork = Map<string, Set<string>>;

/**
 * Which directories each directory scanner runs on, from the walked paths: `early` holds the
 * scanners that declared `digests: false`, `late` the others, `all` both.
 */
export function directoryWork(plugins: Plugin[], walked: WalkResult): { early: DirectoryWork; late: DirectoryWork; all: DirectoryWork } {
  const scanners = plugins.flatMap((plugin) =>
    plugin.scanners
      .filter((s): s is DirectoryScanner => s.scope === 'directory')
      .map((scanner) => ({
        key: `${plugin.meta.namespace}:${scanner.id}`,
        root: scanner.filter.root === true,
        early: scanner.digests === false,
        trigger: compileDirectoryTrigger(scanner.filter),
      })),
  );
  const early: DirectoryWork = new Map();
  const late: DirectoryWork = new Map();
  const all: DirectoryWork = new Map();
  const add = (work: DirectoryWork, directory: string, key: string) => work.set(directory, (work.get(directory) ?? new Set()).add(key));
  const rootTriggered = new Set<string>();
  for (const file of walked.files) {
    for (const scanner of scanners) {
      if (scanner.root && rootTriggered.has(scanner.key)) continue; // one match is all a root scanner needs
      const directory = scanner.trigger(file.path);
      if (directory === undefined) continue;
      if (scanner.root) rootTriggered.add(scanner.key);
      add(scanner.early ? early : late, directory, scanner.key);
      add(all, directory, scanner.key);
    }
  }
  return { early, late, all };
}

/** One task per directory of `work`, listing the files scanned so far below it. */
export function directoryTasks(work: DirectoryWork, walked: WalkResult, listing: Map<string, ListingEntry>): DirectoryTask[] {
  const files = [...listing.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return [...work.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, keys]) => {
      const inside = (p: string) => path === '' || p.startsWith(`${path}/`);
      return { path, scanners: [...keys].sort(), files: files.filter((f) => inside(f.path)), subdirectories: walked.directories.filter((d) => d !== path && inside(d)) };
    });
}

/** What {@link scanInPool} needs from the run. */
export interface PoolScanContext {
  pool: WorkerPool;
  config: EngineConfig;
  plugins: Plugin[];
  cancel: AbortSignal;
  /** Scans, on this thread, the small files that need no plugin (see {@link scanInPool}). */
  local?: () => Promise<ScannerRuntime>;
}

/** Files the main thread takes between two turns of its event loop. */
const LOCAL_CHUNK = 64;

/** Where {@link scanInPool} hands its results. */
export interface PoolScanSink {
  /** A finished file (with its disk file task, which also lists it) or directory outcome. */
  accept(outcome: TaskOutcome, file?: FileTask): void;
  /** Lists a large file from its scan half: its format is known, its digest not yet. */
  list(outcome: TaskOutcome, file: FileTask): void;
  /** The files listed so far, by path: what directory tasks are given. */
  listing: Map<string, ListingEntry>;
}

/**
 * Scans the files and then the directories on the worker pool, with the tasks of
 * {@link planFileTasks}: directory scanners that need no digests are queued as soon as every
 * file has been scanned, the others once every file is hashed too.
 */
export async function scanInPool(run: PoolScanContext, walked: WalkResult, tasks: FileTask[], sink: PoolScanSink): Promise<void> {
  const { pool, config, cancel } = run;
  // This thread takes the small files that no file scanner wants by name, as far as they need no
  // plugin once sniffed either (most configs, texts and binaries), sparing each a round trip to a
  // worker, while the workers hash large files and scan what the plugins want. A worker that runs
  // out of work takes a batch of these files from the end of the list.
  const wantedByName = fileScannerNames(run.plugins);
  const local = run.local ? tasks.filter((t) => t.size <= KEEP_WHOLE_BYTES && !wantedByName(t.path)) : [];
  const localPaths = new Set(local.map((t) => t.path));
  const plan = planFileTasks(local.length ? tasks.filter((t) => !localPaths.has(t.path)) : tasks, config.hash, config.limits.maxFileSize);
  const byPath = new Map(tasks.map((t) => [t.path, t]));
  const hashedApart = new Set(plan.hashes.map((f) => f.path));
  const { accept, listing } = sink;

  // A large file's two halves come back in either order; it is accepted once both are in.
  const halves = new Map<string, { scan?: TaskOutcome; hash?: HashOutcome }>();
  const join = (path: string, half: { scan?: TaskOutcome; hash?: HashOutcome }) => {
    const both = { ...halves.get(path), ...half };
    if (both.scan && both.hash) {
      halves.delete(path);
      accept(withDigest(both.scan, both.hash), byPath.get(path)!);
    } else {
      halves.set(path, both);
    }
  };

  const scanBatch = async (batch: FileTask[], hash: boolean) => {
    for (const outcome of await runBatch(pool, batch, hash, config.limits.timeoutMs, cancel)) {
      const file = byPath.get(outcome.path)!;
      if (!hashedApart.has(outcome.path)) {
        accept(outcome, file);
        continue;
      }
      sink.list(outcome, file);
      join(outcome.path, { scan: outcome });
    }
  };
  const scans = plan.scans.map((batch) => scanBatch(batch, plan.hashInScan(batch)));
  const hashes = Promise.all(
    plan.hashes.map(async (file) => {
      const hash = await runHash(pool, file, cancel);
      join(file.path, { hash });
    }),
  );
  hashes.catch(() => {}); // awaited below; a cancelled scan may reject it before then

  const toWorkers: FileTask[] = []; // local files that need a plugin after all, once sniffed
  const runtime = local.length ? await run.local!() : undefined;
  let end = local.length; // local[at, end) is left: this thread takes from the start, idle workers from the end
  for (let at = 0; runtime && at < end && !cancel.aborted; ) {
    while (pool.idleThreads > 0 && end - at > LOCAL_CHUNK) {
      const batch = local.slice(end - LOCAL_CHUNK, end);
      end -= batch.length;
      scans.push(scanBatch(batch, config.hash));
    }
    const chunk = local.slice(at, Math.min(at + LOCAL_CHUNK, end));
    at += chunk.length;
    for (const file of chunk) {
      const outcome = runtime.scanWithoutPlugins(file, config.hash);
      if (outcome) accept(outcome, file);
      else toWorkers.push(file);
    }
    await nextTurn(); // worker results and cancellation get in between chunks
  }
  if (!cancel.aborted) scans.push(...batchFiles(toWorkers).map((batch) => scanBatch(batch, config.hash)));
  const allScans = Promise.all(scans);

  const work = directoryWork(run.plugins, walked);
  await allScans;
  if (cancel.aborted) return;
  const early = runDirectoryTasks(pool, config, directoryTasks(work.early, walked, listing), cancel, sink);
  early.catch(() => {});
  await hashes;
  if (cancel.aborted) return;
  await Promise.all([early, runDirectoryTasks(pool, config, directoryTasks(work.late, walked, listing), cancel, sink)]);
}

/**
 * Whether a path is one that some file scanner selects by name (its `include` globs): such files
 * go to the workers without a look on this thread. A scanner that also selects by format or magic
 * bytes is still asked once a file is sniffed.
 */
function fileScannerNames(plugins: Plugin[]): (path: string) => boolean {
  const globs = plugins.flatMap((plugin) => plugin.scanners.flatMap((scanner) => (scanner.scope === 'directory' ? [] : (scanner.filter.include ?? []))));
  return compileGlobs(globs);
}

/** A large file's scan outcome with the digest its hash task computed. */
function withDigest(scan: TaskOutcome, hash: HashOutcome): TaskOutcome {
  const disk = scan.entries.find((e) => e.member === undefined);
  if (!disk || disk.status === 'skipped') return scan; // over the size limit (it grew since the walk)
  if (hash.sha256) disk.sha256 = hash.sha256;
  // An error with the same cause (a file that cannot be opened, say) is reported once.
  const known = new Set(scan.errors.filter((e) => e.member === undefined).map((e) => e.code));
  const errors = [...scan.errors, ...hash.errors.filter((e) => !known.has(e.code))];
  return { ...scan, errors, bytesHashed: scan.bytesHashed + hash.bytesHashed };
}

/** Runs directory tasks side by side on the pool; a task that kills its worker becomes an error. */
async function runDirectoryTasks(pool: WorkerPool, config: EngineConfig, tasks: DirectoryTask[], cancel: AbortSignal, sink: PoolScanSink): Promise<void> {
  await Promise.all(
    tasks.map(async (task) => {
      try {
        const [outcome] = await pool.run<TaskOutcome[]>({ kind: 'directory', directory: task }, 2 * config.limits.timeoutMs + 5_000, cancel);
        if (outcome) sink.accept(outcome);
      } catch (error) {
        if (!(error instanceof WorkerTaskError) || error.code === 'CANCELLED') throw error;
        sink.accept({ ...emptyOutcome(task.path), errors: [{ path: task.path || '.', code: error.code, message: `directory scan failed: ${error.message}` }] });
      }
    }),
  );
}
