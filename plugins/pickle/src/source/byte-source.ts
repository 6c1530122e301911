import type { FileHandle } from '@modelgate/plugin-api';

/**
 * Random-access bytes the pickle machine reads. `size` is `Infinity` when unknown (a stream
 * being decompressed): reads then return short at the end.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A {@link ByteSource} over a scanner's {@link FileHandle}. */
export function fileSource(file: FileHandle, start = 0): ByteSource {
  return {
    size: Math.max(0, file.size - start),
    read: (offset, length) => file.read(start + offset, length),
  };
}

/** A {@link ByteSource} over bytes in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(bytes.length, offset + length)),
  };
}

/** A window `[start, start + length)` of another source. */
export function rangeSource(source: ByteSource, start: number, length: number): ByteSource {
  const size = Math.min(length, Math.max(0, source.size - start));
  return {
    size,
    read: (offset, want) => source.read(start + offset, Math.max(0, Math.min(want, size - offset))),
  };
}
