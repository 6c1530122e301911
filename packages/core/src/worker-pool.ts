import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { PriorityQueue } from './priority-queue.js';
import type { TaskSettings } from './tasks.js';
import type { WorkerTask } from './worker-protocol.js';

/** Thrown out of {@link WorkerPool.run} with a code the report can show. */
export class WorkerTaskError extends Error {
  constructor(
    readonly code: 'HARD_TIMEOUT' | 'OUT_OF_MEMORY' | 'WORKER_CRASH' | 'CANCELLED',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

export interface WorkerPoolOptions {
  pluginUrls: string[];
  settings: TaskSettings;
  threads: number;
  memoryMb: number;
}

/** How many workers `auto` means: one per core. */
export function autoThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The order queued tasks start in: a higher priority first, in submission order within one.
 * Directory tasks first: they are queued only once the files they need are done, and the report
 * waits for them. Then large files' hash tasks, the longest tasks of a scan, before the batches
 * of small files: the batches then fill in at the end, so that the threads finish together
 * instead of one hashing a last large file while the others wait.
 */
export const TASK_PRIORITY: Record<WorkerTask['kind'], number> = { directory: 2, hash: 1, files: 0 };

/** A task waiting for a free thread. */
interface Waiting {
  start(): void;
  fail(error: WorkerTaskError): void;
  cancel: AbortSignal | undefined;
}

/**
 * A piscina pool whose workers import the plugins once. Tasks wait here, by
 * {@link TASK_PRIORITY}, and go to piscina only when a thread is free, so that piscina's own
 * queue never reorders them and a task's hard timeout counts from its start, not from when it
 * was queued. A task that times out, runs out of memory or crashes its thread rejects with a
 * {@link WorkerTaskError}; the pool replaces the thread and goes on.
 */
export class WorkerPool {
  private readonly piscina: Piscina<WorkerTask, unknown>;
  private readonly waiting = new PriorityQueue<Waiting>();
  private running = 0;
  private startScheduled = false;
  private readonly capacity: number;
  /**
   * Per cancel signal, the tasks waiting with it and the one listener that cancels them: a scan
   * queues hundreds of tasks, and a listener each made Node warn of a leak. The listener goes
   * when the last of them leaves the queue, so that a long-lived signal keeps no pool alive.
   */
  private readonly cancelListeners = new Map<AbortSignal, { waiting: number; onAbort: () => void }>();

  constructor(options: WorkerPoolOptions) {
    this.piscina = new Piscina({
      filename: new URL('../dist/worker.js', import.meta.url).href,
      workerData: { pluginUrls: options.pluginUrls, settings: options.settings },
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 30_000,
      // Piscina's default makes an idle worker block in Atomics.wait, which stalls its event
      // loop: the plugin imports each worker starts at boot then only went on once a scan task
      // awaited them, on the critical path (the first scan task of a --no-hash scan, the
      // directory task at the end of a hashing one). With message events they load while the
      // worker waits for its first task, or between two hash tasks.
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 64 },
      closeTimeout: 1_000,
    });
    // Worker errors surface through the rejected task; keep the pool's emitter from throwing.
    this.piscina.on('error', () => {});
    this.capacity = options.threads;
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /** Threads that no running or waiting task will take: a task given now would start at once. */
  get idleThreads(): number {
    return Math.max(0, this.capacity - this.running - this.waiting.size);
  }

  /**
   * Runs one task once a thread is free; `hardTimeoutMs` after it started, the thread is killed if
   * the task is still running. `R` is what the worker returns for this kind of task (see worker.ts).
   */
  async run<R>(task: WorkerTask, hardTimeoutMs: number, cancel?: AbortSignal): Promise<R> {
    if (cancel?.aborted) throw new WorkerTaskError('CANCELLED', 'scan cancelled');
    await this.turn(TASK_PRIORITY[task.kind], cancel);
    try {
      return await this.start<R>(task, hardTimeoutMs, cancel);
    } finally {
      this.running--;
      this.startNext();
    }
  }

  /** Resolves when a thread is free for a task of `priority`; rejects if `cancel` fires first. */
  private turn(priority: number, cancel: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (cancel) this.listen(cancel);
      const leave = () => cancel && this.unlisten(cancel);
      this.waiting.push(
        {
          start: () => {
            leave();
            resolve();
          },
          fail: (error) => {
            leave();
            reject(error);
          },
          cancel,
        },
        priority,
      );
      // Started a microtask later: tasks submitted together then start by priority, not in the
      // order they were submitted while threads were free.
      if (!this.startScheduled) {
        this.startScheduled = true;
        queueMicrotask(() => {
          this.startScheduled = false;
          this.startNext();
        });
      }
    });
  }

  /** Counts a task waiting with `signal`; the first one adds the listener that cancels them all. */
  private listen(signal: AbortSignal): void {
    let entry = this.cancelListeners.get(signal);
    if (!entry) {
      const onAbort = () => {
        for (const waiting of this.waiting.removeWhere((w) => w.cancel === signal)) waiting.fail(new WorkerTaskError('CANCELLED', 'scan cancelled'));
      };
      entry = { waiting: 0, onAbort };
      signal.addEventListener('abort', onAbort, { once: true });
      this.cancelListeners.set(signal, entry);
    }
    entry.waiting++;
  }

  /** A task waiting with `signal` left the queue; the last one removes the listener. */
  private unlisten(signal: AbortSignal): void {
    const entry = this.cancelListeners.get(signal);
    if (!entry || --entry.waiting > 0) return;
    signal.removeEventListener('abort', entry.onAbort);
    this.cancelListeners.delete(signal);
  }

  private startNext(): void {
    while (this.running < this.capacity) {
      const next = this.waiting.shift();
      if (!next) return;
      this.running++;
      next.start();
    }
  }

  private async start<R>(task: WorkerTask, hardTimeoutMs: number, cancel?: AbortSignal): Promise<R> {
    const timeout = AbortSignal.timeout(Math.ceil(hardTimeoutMs));
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    try {
      return (await this.piscina.run(task, { signal })) as R;
    } catch (error) {
      if (cancel?.aborted) throw new WorkerTaskError('CANCELLED', 'scan cancelled');
      if (timeout.aborted) {
        throw new WorkerTaskError('HARD_TIMEOUT', `worker thread killed after ${Math.round(hardTimeoutMs / 1000)}s without finishing`);
      }
      const code = (error as { code?: string }).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new WorkerTaskError('OUT_OF_MEMORY', 'worker thread ran out of memory');
      throw new WorkerTaskError('WORKER_CRASH', `worker thread failed: ${(error as Error).message}`);
    }
  }

  /** Stops the threads; tasks still waiting for one reject as cancelled. */
  async close(): Promise<void> {
    for (let waiting = this.waiting.shift(); waiting; waiting = this.waiting.shift()) waiting.fail(new WorkerTaskError('CANCELLED', 'worker pool closed'));
    await this.piscina.destroy();
  }
}
