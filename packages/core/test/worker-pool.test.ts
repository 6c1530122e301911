import { getEventListeners } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import type { FileTask, TaskSettings } from '../src/tasks.js';
import { WorkerPool, WorkerTaskError } from '../src/worker-pool.js';
import type { WorkerTask } from '../src/worker-protocol.js';
import { tempDir, testPlugin } from './helpers.js';

const config = resolveConfig({});
const settings: TaskSettings = { hash: false, limits: config.limits, pluginOptions: {} };
const pools: WorkerPool[] = [];
afterEach(async () => {
  while (pools.length) await pools.pop()!.close();
});

/** A one-thread pool running the misbehaving test plugin, whose files say what it does. */
function onePool(): WorkerPool {
  const pool = new WorkerPool({ pluginUrls: [pathToFileURL(testPlugin('misbehaving')).href], settings, threads: 1, memoryMb: 256 });
  pools.push(pool);
  return pool;
}

function chaosFile(root: string, name: string, command: string): FileTask {
  writeFileSync(join(root, name), command);
  return { fsPath: join(root, name), path: name, size: command.length };
}

const filesTask = (file: FileTask): WorkerTask => ({ kind: 'files', files: [file], hash: false });

describe('WorkerPool', () => {
  it('starts waiting tasks by priority: directory tasks, then hash tasks, then file batches', async () => {
    const root = tempDir();
    const pool = onePool();
    const started: string[] = [];
    const run = (name: string, task: WorkerTask) => pool.run(task, 10_000).then(() => started.push(name));
    // The thread is busy with the first task while the others are queued, in the opposite order.
    const busy = run('busy', filesTask(chaosFile(root, 'busy.chaos', 'block 300')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all = [
      busy,
      run('files', filesTask(chaosFile(root, 'small.chaos', 'fine'))),
      run('hash', { kind: 'hash', file: chaosFile(root, 'large.bin', 'x'.repeat(1000)) }),
      run('directory', { kind: 'directory', directory: { path: '', scanners: [], files: [], subdirectories: [] } }),
    ];
    await Promise.all(all);
    expect(started).toEqual(['busy', 'directory', 'hash', 'files']);
  });

  it('starts tasks submitted together by priority, even while threads are free', async () => {
    const root = tempDir();
    const pool = onePool();
    const started: string[] = [];
    const run = (name: string, task: WorkerTask) => pool.run(task, 10_000).then(() => started.push(name));
    await Promise.all([
      run('files', filesTask(chaosFile(root, 'small.chaos', 'fine'))),
      run('hash', { kind: 'hash', file: chaosFile(root, 'large.bin', 'x'.repeat(1000)) }),
    ]);
    expect(started).toEqual(['hash', 'files']);
  });

  it('counts a hard timeout from the start of the task, not from when it was queued', async () => {
    const root = tempDir();
    const pool = onePool();
    const busy = pool.run(filesTask(chaosFile(root, 'busy.chaos', 'block 600')), 10_000);
    // Waits 600 ms for the thread, then takes a few: well within 400 ms of its own start.
    const quick = pool.run(filesTask(chaosFile(root, 'quick.chaos', 'fine')), 400);
    await expect(quick).resolves.toEqual([expect.objectContaining({ path: 'quick.chaos' })]);
    await busy;
  });

  it('cancels a task still waiting for a thread without running it', async () => {
    const root = tempDir();
    const pool = onePool();
    const busy = pool.run(filesTask(chaosFile(root, 'busy.chaos', 'block 300')), 10_000);
    const cancel = new AbortController();
    const waiting = pool.run(filesTask(chaosFile(root, 'waiting.chaos', 'fine')), 10_000, cancel.signal);
    cancel.abort();
    await expect(waiting).rejects.toEqual(new WorkerTaskError('CANCELLED', 'scan cancelled'));
    await expect(busy).resolves.toHaveLength(1);
  });

  it('listens once to a cancel signal that many waiting tasks share, and cancels them all', async () => {
    const root = tempDir();
    const pool = onePool();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const cancel = new AbortController();
      const busy = pool.run(filesTask(chaosFile(root, 'busy.chaos', 'block 300')), 10_000, cancel.signal);
      busy.catch(() => {});
      const other = new AbortController();
      const unrelated = pool.run(filesTask(chaosFile(root, 'other.chaos', 'fine')), 10_000, other.signal);
      const waiting = Array.from({ length: 30 }, (_, i) => pool.run(filesTask(chaosFile(root, `w${i}.chaos`, 'fine')), 10_000, cancel.signal));
      cancel.abort();
      const results = await Promise.allSettled(waiting);
      expect(results.map((r) => r.status === 'rejected' && (r.reason as WorkerTaskError).code)).toEqual(waiting.map(() => 'CANCELLED'));
      // A task waiting with another signal still runs.
      await expect(unrelated).resolves.toEqual([expect.objectContaining({ path: 'other.chaos' })]);
      await new Promise((resolve) => setImmediate(resolve)); // Node emits warnings on the next tick
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
      // Once no task waits with a signal, the pool no longer listens to it.
      expect(getEventListeners(cancel.signal, 'abort')).toHaveLength(0);
      expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('rejects the tasks still waiting when it is closed', async () => {
    const root = tempDir();
    const pool = onePool();
    const busy = pool.run(filesTask(chaosFile(root, 'busy.chaos', 'block 300')), 10_000);
    busy.catch(() => {});
    const waiting = expect(pool.run(filesTask(chaosFile(root, 'waiting.chaos', 'fine')), 10_000)).rejects.toMatchObject({ code: 'CANCELLED' });
    await pool.close();
    await waiting;
  });

  it('imports the plugins while a worker waits for its first task, not when the task comes', async () => {
    const root = tempDir();
    const marker = join(root, 'imported');
    const plugin = join(root, 'marking-plugin.mjs');
    // A plugin whose import leaves a mark: the pool is given no task at all.
    writeFileSync(
      plugin,
      `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'yes');
export default { apiVersion: 1, meta: { name: 'marking', version: '1.0.0', namespace: 'marking' }, rules: {}, scanners: [] };
`,
    );
    pools.push(new WorkerPool({ pluginUrls: [pathToFileURL(plugin).href], settings, threads: 1, memoryMb: 256 }));
    const deadline = Date.now() + 10_000;
    while (!existsSync(marker) && Date.now() < deadline) await sleep(20);
    expect(existsSync(marker)).toBe(true);
  });
});
