/**
 * Random-access bytes: a file on disk, an archive member, or a decompressed stream.
 * `read` returns fewer bytes than asked at the end of the data and never throws for that;
 * it throws a {@link LimitError} when serving the read would exceed a safety limit.
 */
export interface ByteSource {
  /** Size in bytes as known (for members: the size the archive declares). */
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Thrown when reading would cross a safety limit (inflated bytes, ratio, entries). */
export class LimitError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}
