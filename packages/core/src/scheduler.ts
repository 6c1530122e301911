import { emptyOutcome, type FileTask, type TaskOutcome } from './tasks.js';
import { WorkerTaskError, type WorkerPool } from './worker-pool.js';

/** Files at least this big are a task of their own. */
const BIG_FILE = 8 * 1024 * 1024;
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
export async function runBatch(pool: WorkerPool, batch: FileTask[], softTimeoutMs: number, cancel: AbortSignal): Promise<TaskOutcome[]> {
  const hardTimeout = (files: FileTask[]) => 2 * softTimeoutMs + 1_000 + files.reduce((sum, f) => sum + f.size, 0) / HARD_TIMEOUT_BYTES_PER_MS;
  try {
    return await pool.run({ kind: 'files', files: batch }, hardTimeout(batch), cancel);
  } catch (error) {
    if (!(error instanceof WorkerTaskError) || error.code === 'CANCELLED') throw error;
    // The batch killed its worker once: each file now gets one more try, alone.
    const outcomes: TaskOutcome[] = [];
    for (const file of batch) outcomes.push(...(await retryAlone(pool, file, hardTimeout([file]), cancel, error)));
    return outcomes;
  }
}

async function retryAlone(pool: WorkerPool, file: FileTask, timeoutMs: number, cancel: AbortSignal, first: WorkerTaskError): Promise<TaskOutcome[]> {
  try {
    return await pool.run({ kind: 'files', files: [file] }, timeoutMs, cancel);
  } catch (error) {
    if (!(error instanceof WorkerTaskError) || error.code === 'CANCELLED') throw error;
    return [failedOutcome(file, error.code, `${error.message} (twice; first: ${first.message})`)];
  }
}
