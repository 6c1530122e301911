import { createHash } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
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
});
