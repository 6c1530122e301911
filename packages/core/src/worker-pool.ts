import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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
 * A piscina pool whose workers import the plugins once. A task that times out, runs out of
 * memory or crashes its thread rejects with a {@link WorkerTaskError}; the pool replaces the
 * thread and goes on.
 */
export class WorkerPool {
  private readonly piscina: Piscina<WorkerTask, unknown>;

  constructor(options: WorkerPoolOptions) {
    this.piscina = new Piscina({
      filename: new URL('../dist/worker.js', import.meta.url).href,
      workerData: { pluginUrls: options.pluginUrls, settings: options.settings },
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 64 },
      closeTimeout: 1_000,
    });
    // Worker errors surface through the rejected task; keep the pool's emitter from throwing.
    this.piscina.on('error', () => {});
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /**
   * Runs one task; `hardTimeoutMs` kills the thread if the task is still running then. `R` is what
   * the worker returns for this kind of task (see worker.ts).
   */
  async run<R>(task: WorkerTask, hardTimeoutMs: number, cancel?: AbortSignal): Promise<R> {
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

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
