import { emptyOutcome, type FileTask, type HashOutcome, type TaskOutcome } from './tasks.js';
import { WorkerTaskError, type WorkerPool } from './worker-pool.js';

/** Files at least this big are a task of their own (and, when hashing, two: see planFileTasks). */
export const BIG_FILE = 8 * 1024 * 1024;
/** Small files are batched up to this many per task… */
const BATCH_FILES = 64;
/** …or this many bytes. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** Time allowed for hashing and reading, on top of the soft timeout, per byte of the task. */
const HARD_TIMEOUT_BYTES_PER_MS = 10_000; // 10 MB/s, far below any disk

/**
 * Groups files into worker tasks: big files alone, small ones together, biggest tasks first so
 * that no worker is left hashing one large file after the others have finished.
 */
export function batchFiles(files: FileTask[]): FileTask[][] {
  const batches: FileTask[][] = [];
  let current: FileTask[] = [];
  let currentBytes = 0;
  for (const file of files) {
    if (file.size >= BIG_FILE) {
      batches.push([file]);
      continue;
    }
    if (current.length >= BATCH_FILES || currentBytes + file.size > BATCH_BYTES) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(file);
    currentBytes += file.size;
  }
  if (current.length) batches.push(current);
  const bytes = (batch: FileTask[]) => batch.reduce((sum, f) => sum + f.size, 0);
  return batches.sort((a, b) => bytes(b) - bytes(a));
}

/** The worker tasks of a scan's files, in the order to queue them. */
export interface FilePlan {
  /** Scan batches: large files alone, then small ones together; biggest first. */
  scans: FileTask[][];
  /** Whether the scan batches hash their files too (true for all but large files). */
  hashInScan: (batch: FileTask[]) => boolean;
  /** Large files hashed on their own, biggest first (the pool starts them before small batches). */
  hashes: FileTask[];
}

/**
 * Plans the file tasks. Without hashing, each file is one scan. With hashing, a large file is
 * scanned (sniffing, plugins: quick) in one task and hashed in another: the hash tasks start
 * first (see `TASK_PRIORITY`), and once every file is scanned, directory scanners that need no
 * digests run on whichever worker is free, even while large files are still hashing.
 * Files over the size limit are not hashed (they are not scanned either).
 */
export function planFileTasks(files: FileTask[], hash: boolean, maxFileSize: number): FilePlan {
  if (!hash) return { scans: batchFiles(files), hashInScan: () => false, hashes: [] };
  const large = files.filter((f) => f.size >= BIG_FILE);
  const small = files.filter((f) => f.size < BIG_FILE);
  const bySize = (a: FileTask, b: FileTask) => b.size - a.size;
  return {
    scans: [...large.sort(bySize).map((f) => [f]), ...batchFiles(small)],
    hashInScan: (batch) => batch.every((f) => f.size < BIG_FILE),
    hashes: large.filter((f) => maxFileSize <= 0 || f.size <= maxFileSize),
  };
}

/** An outcome standing for a file the workers could not scan. */
export function failedOutcome(file: FileTask, code: string, message: string): TaskOutcome {
  return {
    ...emptyOutcome(file.path),
    entries: [{ path: file.path, size: file.size, status: 'error', reason: message }],
    errors: [{ path: file.path, code, message }],
  };
}

/**
 * Runs a batch in the pool. When the worker dies (hard timeout, out of memory, crash), each
 * file is retried alone; a file that kills a worker twice becomes an error entry.
 */
export async function runBatch(pool: WorkerPool, batch: FileTask[], hash: boolean, softTimeoutMs: number, cancel: AbortSignal): Promise<TaskOutcome[]> {
  const hardTimeout = (files: FileTask[]) => 2 * softTimeoutMs + 1_000 + files.reduce((sum, f) => sum + f.size, 0) / HARD_TIMEOUT_BYTES_PER_MS;
  try {
    return await pool.run<TaskOutcome[]>({ kind: 'files', files: batch, hash }, hardTimeout(batch), cancel);
  } catch (error) {
    if (!(error instanceof WorkerTaskError) || error.code === 'CANCELLED') throw error;
    // The batch killed its worker once: each file now gets one more try, alone.
    const outcomes: TaskOutcome[] = [];
    for (const file of batch) outcomes.push(...(await retryAlone(pool, file, hash, hardTimeout([file]), cancel, error)));
    return outcomes;
  }
}

async function retryAlone(pool: WorkerPool, file: FileTask, hash: boolean, timeoutMs: number, cancel: AbortSignal, first: WorkerTaskError): Promise<TaskOutcome[]> {
  try {
    return await pool.run<TaskOutcome[]>({ kind: 'files', files: [file], hash }, timeoutMs, cancel);
  } catch (error) {
    if (!(error instanceof WorkerTaskError) || error.code === 'CANCELLED') throw error;
    return [failedOutcome(file, error.code, `${error.message} (twice; first: ${first.message})`)];
  }
}

/** Hashes one large file in the pool, with one more try if the worker dies. */
export async function runHash(pool: WorkerPool, file: FileTask, cancel: AbortSignal): Promise<HashOutcome> {
  const attempt = () => pool.run<HashOutcome>({ kind: 'hash', file }, 1_000 + file.size / HARD_TIMEOUT_BYTES_PER_MS, cancel);
  const workerDied = (error: unknown): error is WorkerTaskError => error instanceof WorkerTaskError && error.code !== 'CANCELLED';
  try {
    return await attempt();
  } catch (first) {
    if (!workerDied(first)) throw first;
    try {
      return await attempt();
    } catch (error) {
      if (!workerDied(error)) throw error;
      return { path: file.path, errors: [{ path: file.path, code: error.code, message: `hashing failed: ${error.message} (twice; first: ${first.message})` }], bytesHashed: 0 };
    }
  }
}
