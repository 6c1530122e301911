import { createHash } from 'node:crypto';
import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSource } from '../src/disk-source.js';
import { hashFile, hashSource } from '../src/hash-file.js';
import { tempDir } from './helpers.js';

describe('hashFile', () => {
  it('hashes a file across many read chunks, counting the bytes', () => {
    const path = join(tempDir(), 'data.bin');
    const data = Buffer.alloc(300 * 1024 + 17, 3);
    writeFileSync(path, data);
    expect(hashFile({ fsPath: path, path: 'data.bin', size: data.length })).toEqual({
      path: 'data.bin',
      sha256: createHash('sha256').update(data).digest('hex'),
      errors: [],
      bytesHashed: data.length,
    });
  });

  it('reports a file that cannot be opened, with no digest', () => {
    const outcome = hashFile({ fsPath: join(tempDir(), 'gone.bin'), path: 'gone.bin', size: 10 });
    expect(outcome.sha256).toBeUndefined();
    expect(outcome.errors).toEqual([expect.objectContaining({ path: 'gone.bin', code: 'ENOENT', message: expect.stringMatching(/^cannot open for hashing/) })]);
  });

  it('gives no digest for a file that shrank after it was opened', () => {
    const path = join(tempDir(), 'shrinks.bin');
    writeFileSync(path, Buffer.alloc(1000, 1));
    const source = DiskSource.openSync(path);
    truncateSync(path, 400);
    const outcome = { path: 'shrinks.bin', errors: [], bytesHashed: 0 };
    try {
      expect(hashSource(source, outcome)).toBeUndefined();
    } finally {
      source.closeSync();
    }
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', message: expect.stringContaining('1000 bytes when opened, 400 when hashed') })]);
    expect(outcome.bytesHashed).toBe(400);
  });

  it('hashes the bytes a source kept of a small file without reading it again', async () => {
    const path = join(tempDir(), 'small.json');
    const data = Buffer.from('{"a": 1}');
    writeFileSync(path, data);
    const source = DiskSource.openSync(path);
    try {
      source.keepWhole();
      const outcome = { path: 'small.json', errors: [], bytesHashed: 0 };
      expect(hashSource(source, outcome)).toBe(createHash('sha256').update(data).digest('hex'));
      expect(outcome).toEqual({ path: 'small.json', errors: [], bytesHashed: data.length });
      expect(source.bytesRead).toBe(data.length);
    } finally {
      source.closeSync();
    }
  });

  /** Keeps a small file's bytes, changes the file, then hashes: what a file changing mid-scan gives. */
  function hashChangedAfterKeep(name: string, bytes: number, change: (path: string) => void) {
    const path = join(tempDir(), name);
    writeFileSync(path, Buffer.alloc(bytes, 1));
    const source = DiskSource.openSync(path);
    const outcome = { path: name, errors: [], bytesHashed: 0 };
    try {
      source.keepWhole();
      change(path);
      return { digest: hashSource(source, outcome), outcome };
    } finally {
      source.closeSync();
    }
  }

  it('gives no digest for a small file that shrank after its bytes were kept', () => {
    const { digest, outcome } = hashChangedAfterKeep('shrinks.json', 1000, (path) => truncateSync(path, 3));
    expect(digest).toBeUndefined();
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', message: expect.stringContaining('1000 bytes when opened, 3 when hashed') })]);
  });

  it('gives no digest for a small file that grew after its bytes were kept', () => {
    const { digest, outcome } = hashChangedAfterKeep('grows.json', 10, (path) => appendFileSync(path, 'more'));
    expect(digest).toBeUndefined();
    expect(outcome.errors).toEqual([expect.objectContaining({ code: 'FILE_CHANGED', message: expect.stringContaining('10 bytes when opened, 14 when hashed') })]);
  });
});

describe('DiskSource', () => {
  it('keeps a small file whole in one read; reads are copies of it, peeks views', async () => {
    const path = join(tempDir(), 'small.bin');
    writeFileSync(path, Buffer.from([1, 2, 3, 4, 5]));
    const source = DiskSource.openSync(path);
    try {
      expect(source.peek(0, 4)).toBeUndefined();
      source.keepWhole();
      const first = await source.read(0, 4096);
      first.fill(0); // a caller writing into its bytes changes nobody else's
      expect([...(await source.read(4, 1))]).toEqual([5]);
      expect([...source.peek(1, 2)!]).toEqual([2, 3]);
      expect([...source.peek(0, source.size)!]).toEqual([1, 2, 3, 4, 5]);
      expect(source.bytesRead).toBe(5);
    } finally {
      source.closeSync();
    }
  });

  it('does not keep a file larger than 64 KiB, nor one it merely read in full', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'large.bin'), Buffer.alloc(64 * 1024 + 1, 7));
    writeFileSync(join(dir, 'read.bin'), Buffer.alloc(100, 7));
    const large = DiskSource.openSync(join(dir, 'large.bin'));
    const read = DiskSource.openSync(join(dir, 'read.bin'));
    try {
      large.keepWhole();
      expect(large.peek(0, large.size)).toBeUndefined();
      expect(large.bytesRead).toBe(0);
      await read.read(0, 100);
      await read.read(0, 100);
      expect(read.bytesRead).toBe(200);
      expect(read.peek(0, read.size)).toBeUndefined();
    } finally {
      large.closeSync();
      read.closeSync();
    }
  });
});
