import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { HttpError } from './http/errors.js';

/** Where an upload was stored. */
export interface StoredUpload {
  /** The random directory that holds the file (deleted after the scan). */
  dir: string;
  /** The file the engine scans. */
  path: string;
  /** The name the client gave (untrusted; display only). */
  clientName: string;
  size: number;
}

/**
 * A safe file name derived from the client's: the last path component, only `[A-Za-z0-9._-]`, no
 * leading dots, at most 100 characters. Plugins match names (`requirements.txt`, `*.pt`), so the
 * name is kept as far as it is harmless; the directory above it is random.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.]+/, '').slice(-100);
  return cleaned && /[A-Za-z0-9]/.test(cleaned) ? cleaned : 'upload.bin';
}

/**
 * Streams one multipart file part to `<uploadsDir>/<random>/<safe name>`. A part over the size
 * limit gives 413, a body that ends before the multipart terminator gives 400; either way nothing
 * stays on disk.
 */
export async function storeUpload(part: MultipartFile, uploadsDir: string): Promise<StoredUpload> {
  const dir = join(uploadsDir, randomBytes(16).toString('hex'));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, safeFileName(part.filename));
  let size = 0;
  part.file.on('data', (chunk: Buffer) => (size += chunk.length));
  try {
    await pipeline(part.file, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    if (part.file.truncated) throw new HttpError(413, 'upload too large');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `upload too large: ${(error as Error).message}`);
    throw new HttpError(400, `malformed or truncated multipart upload: ${(error as Error).message}`);
  }
  return { dir, path, clientName: part.filename || 'upload', size };
}
