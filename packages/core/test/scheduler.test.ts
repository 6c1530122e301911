import { describe, expect, it } from 'vitest';
import { batchFiles, planFileTasks } from '../src/scheduler.js';
import type { FileTask } from '../src/tasks.js';

const MIB = 1024 * 1024;
const file = (path: string, size: number): FileTask => ({ fsPath: `/x/${path}`, path, size });
const paths = (batches: FileTask[][]) => batches.map((b) => b.map((f) => f.path));

describe('batchFiles', () => {
  it('puts large files alone and small ones together, biggest tasks first', () => {
    const files = [file('a', 10), file('big', 20 * MIB), file('b', 20), file('huge', 40 * MIB)];
    expect(paths(batchFiles(files))).toEqual([['huge'], ['big'], ['a', 'b']]);
  });

  it('caps a batch at 64 files', () => {
    const files = Array.from({ length: 130 }, (_, i) => file(`f${i}`, 1));
    expect(batchFiles(files).map((b) => b.length)).toEqual([64, 64, 2]);
  });
});

describe('planFileTasks', () => {
  const files = [file('small', 100), file('big', 20 * MIB), file('huge', 40 * MIB), file('limit', 30 * MIB)];

  it('without hashing, plans one scan per file, hashing none', () => {
    const plan = planFileTasks(files, false, 0);
    expect(paths(plan.scans)).toEqual([['huge'], ['limit'], ['big'], ['small']]);
    expect(plan.scans.every((batch) => !plan.hashInScan(batch))).toBe(true);
    expect(plan.hashes).toEqual([]);
  });

  it('with hashing, scans large files without hashing them and hashes them in tasks of their own, biggest first', () => {
    const plan = planFileTasks(files, true, 0);
    expect(paths(plan.scans)).toEqual([['huge'], ['limit'], ['big'], ['small']]);
    expect(plan.scans.map((batch) => plan.hashInScan(batch))).toEqual([false, false, false, true]);
    expect(plan.hashes.map((f) => f.path)).toEqual(['huge', 'limit', 'big']);
  });

  it('does not hash a file over the size limit', () => {
    expect(planFileTasks(files, true, 35 * MIB).hashes.map((f) => f.path)).toEqual(['limit', 'big']);
  });
});
