/**
 * Random-access bytes: a file on disk, an archive member, or a decompressed stream.
 * `read` returns fewer bytes than asked at the end of the data and never throws for that;
 * it throws a {@link LimitError} when serving the read would exceed a safety limit.
 */
export interface ByteSource {
  /** Size in bytes as known (for members: the size the archive declares). */
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Bytes the source already holds in memory, as a view that must not be modified (the engine's
   * own reads use it); undefined when they would have to be read.
   */
  peek?(offset: number, length: number): Uint8Array | undefined;
  /** False while `size` is only an estimate (compressed streams that do not store their size). */
  readonly sizeIsExact?: boolean;
  /** Decodes to the end (within the limits) so that `size` becomes exact; returns it. */
  measure?(): Promise<number>;
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
