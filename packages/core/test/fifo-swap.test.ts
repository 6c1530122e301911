import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { hashFile } from '../src/hash-file.js';
import { ScannerRuntime } from '../src/scanner-runtime.js';
import type { FileTask } from '../src/tasks.js';
import { tempDir } from './helpers.js';

const rescuers: Worker[] = [];
afterEach(async () => {
  await Promise.all(rescuers.splice(0).map((rescuer) => rescuer.terminate()));
});

/**
 * A FIFO where the walk saw a regular file of 1 KiB, for one open. Should that open block (the
 * bug this guards against), a helper thread opens the writing end after 3 s, so the test fails
 * instead of hanging the run.
 */
function swappedForFifo(): FileTask {
  const fifo = join(tempDir(), 'weights.bin');
  execFileSync('mkfifo', [fifo]);
  const unblock = `
    const { closeSync, constants, openSync } = require('node:fs');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
    try { closeSync(openSync(require('node:worker_threads').workerData, constants.O_WRONLY | constants.O_NONBLOCK)); } catch {}`;
  const rescuer = new Worker(unblock, { eval: true, workerData: fifo, execArgv: [] });
  rescuer.unref();
  rescuers.push(rescuer);
  return { fsPath: fifo, path: 'weights.bin', size: 1024 };
}

describe.skipIf(process.platform === 'win32')('a file replaced by a FIFO after the walk', () => {
  const runtime = new ScannerRuntime([], { hash: true, limits: resolveConfig({}).limits, pluginOptions: {} });

  it('is left to a worker by the main thread, without blocking', () => {
    const started = Date.now();
    expect(runtime.scanWithoutPlugins(swappedForFifo(), true)).toBeUndefined();
    expect(runtime.scanWithoutPlugins(swappedForFifo(), false)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is an error entry of a worker scan and of a hash task, without blocking', async () => {
    const started = Date.now();
    const outcome = await runtime.scanFile(swappedForFifo(), undefined, true);
    expect(outcome.entries).toEqual([expect.objectContaining({ path: 'weights.bin', status: 'error', reason: expect.stringMatching(/no longer a regular file/) })]);
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'NOT_REGULAR_FILE' })]);
    expect(hashFile(swappedForFifo()).errors).toEqual([expect.objectContaining({ code: 'NOT_REGULAR_FILE' })]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
