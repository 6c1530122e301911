import type { FileFormat, FileHandle } from '@modelgate/plugin-api';
import type { ByteSource } from './byte-source.js';

const STREAM_CHUNK = 1024 * 1024;

/** Everything that names a handle; `member` is set for archive members. */
export interface HandleIdentity {
  diskPath: string;
  member?: string;
  format: FileFormat;
}

/**
 * Wraps a {@link ByteSource} as the plugin-facing {@link FileHandle}. `beforeRead` runs before
 * each read so the engine can enforce deadlines and cancellation on every access.
 */
export function createFileHandle(source: ByteSource, identity: HandleIdentity, beforeRead: () => void = () => {}): FileHandle {
  const path = identity.member ? `${identity.diskPath}!/${identity.member}` : identity.diskPath;
  const read = async (offset: number, length: number): Promise<Uint8Array> => {
    beforeRead();
    return source.read(offset, length);
  };
  return {
    path,
    diskPath: identity.diskPath,
    ...(identity.member !== undefined && { member: identity.member }),
    get size() {
      return source.size;
    },
    format: identity.format,
    read,
    async *stream(range = {}) {
      const end = Math.min(range.end ?? source.size, source.size);
      for (let offset = range.start ?? 0; offset < end; ) {
        const chunk = await read(offset, Math.min(STREAM_CHUNK, end - offset));
        if (chunk.length === 0) return;
        yield chunk;
        offset += chunk.length;
      }
    },
    async text(maxBytes = 1024 * 1024) {
      const bytes = await read(0, Math.min(maxBytes, source.size));
      return new TextDecoder('utf-8').decode(bytes);
    },
  };
}
