import { createHash, hash } from 'node:crypto';
import { fstatSync, readSync } from 'node:fs';
import type { ReportError } from '@modelgate/plugin-api';
import { DiskSource } from './disk-source.js';
import { errorCode, errorMessage } from './error-text.js';
import type { FileTask, HashOutcome } from './tasks.js';

/** Read size: small enough for a chunk to stay in the core's L2 cache between read and hash. */
const HASH_CHUNK = 128 * 1024;
/** One read buffer per thread, reused for every file. */
let buffer: Buffer | undefined;

/**
 * Streams an open file through sha256 once, in synchronous reads (or hashes the bytes the source
 * kept of a small file). Problems (a read error, a file whose size changed since it was opened)
 * go to `outcome.errors` and give no digest.
 */
export function hashSource(source: DiskSource, outcome: { path: string; errors: ReportError[]; bytesHashed: number }): string | undefined {
  const kept = source.peek(0, source.size);
  if (kept) return hashKept(source, kept, outcome);
  const hasher = createHash('sha256');
  const chunk = (buffer ??= Buffer.allocUnsafe(HASH_CHUNK));
  let position = 0;
  try {
    for (;;) {
      const n = readSync(source.fd, chunk, 0, HASH_CHUNK, position);
      if (n === 0) break;
      hasher.update(n === HASH_CHUNK ? chunk : chunk.subarray(0, n));
      position += n;
    }
  } catch (error) {
    outcome.errors.push({ path: outcome.path, code: errorCode(error), message: `read failed while hashing: ${errorMessage(error)}` });
    return undefined;
  } finally {
    outcome.bytesHashed += position;
  }
  if (position !== source.size) {
    outcome.errors.push({ path: outcome.path, code: 'FILE_CHANGED', message: `file changed during the scan: ${source.size} bytes when opened, ${position} when hashed` });
    return undefined;
  }
  return hasher.digest('hex');
}

/** Two bytes read at a kept file's last one: one must come back, not zero (shrunk) nor two (grown). */
const probe = Buffer.alloc(2);

/** The digest of a small file's kept bytes, unless the file's size has changed since. */
function hashKept(source: DiskSource, kept: Uint8Array, outcome: { path: string; errors: ReportError[]; bytesHashed: number }): string | undefined {
  try {
    // A one-byte read is cheaper than fstat, whose Stats object costs more than the system call.
    if (readSync(source.fd, probe, 0, 2, kept.length - 1) !== 1) {
      const sizeNow = fstatSync(source.fd).size;
      outcome.errors.push({ path: outcome.path, code: 'FILE_CHANGED', message: `file changed during the scan: ${kept.length} bytes when opened, ${sizeNow} when hashed` });
      return undefined;
    }
  } catch (error) {
    outcome.errors.push({ path: outcome.path, code: errorCode(error), message: `cannot check the file while hashing: ${errorMessage(error)}` });
    return undefined;
  }
  outcome.bytesHashed += kept.length;
  return sha256Hex(kept);
}

/** The sha256 of bytes in memory, in hex: one call, no hash object (for the many small files). */
export function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/** Hashes one disk file and nothing else: the other half of a large file's scan (see `planFileTasks`). */
export function hashFile(task: FileTask): HashOutcome {
  const outcome: HashOutcome = { path: task.path, errors: [], bytesHashed: 0 };
  let source: DiskSource;
  try {
    source = DiskSource.openSync(task.fsPath);
  } catch (error) {
    outcome.errors.push({ path: task.path, code: errorCode(error), message: `cannot open for hashing: ${errorMessage(error)}` });
    return outcome;
  }
  try {
    const sha256 = hashSource(source, outcome);
    if (sha256) outcome.sha256 = sha256;
  } finally {
    source.closeSync();
  }
  return outcome;
}
