import type { DirectoryHandle } from '@modelgate/plugin-api';
import { decodeText } from '../text/decode.js';

/** Largest dependency file read (a 100,000-line requirements file is ~2 MB). */
export const MAX_DEPENDENCY_FILE_BYTES = 32 * 1024 * 1024;

/** A dependency file's text, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; code: string; message: string };

/** Reads a file of the scan, bounded by {@link MAX_DEPENDENCY_FILE_BYTES}, decoded as pip would. */
export async function readDependencyFile(directory: DirectoryHandle, path: string): Promise<ReadResult> {
  const handle = await directory.open(path);
  if (handle.size > MAX_DEPENDENCY_FILE_BYTES) {
    return { ok: false, code: 'LIMIT_FILE_SIZE', message: `${path}: ${handle.size} bytes is more than the ${MAX_DEPENDENCY_FILE_BYTES} read for a dependency file` };
  }
  const bytes = await handle.read(0, handle.size);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: 'NOT_UTF8', message: `${path}: not UTF-8 text (invalid byte at offset ${decoded.offset}); pip would decode it with the locale's encoding, so it was not analysed` };
  return { ok: true, text: decoded.text };
}
