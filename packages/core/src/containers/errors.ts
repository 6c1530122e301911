/**
 * Why a container could not be listed, or why one of its members cannot be read.
 * `code` is stable and machine-readable (the engine copies it into the report's `errors[]`).
 *
 * Codes: `ZIP_CORRUPT`, `ZIP_TRUNCATED`, `TAR_CORRUPT` (container cannot be listed);
 * `ENCRYPTED`, `UNSUPPORTED_COMPRESSION`, `MEMBER_UNREADABLE` (a member's reads);
 * `DECOMPRESS_ERROR` (no gzip/bzip2/xz header at open, corrupt compressed data on read).
 * Safety limits are not reported with this class but with `LimitError` from `byte-source.ts`.
 */
export class ContainerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContainerError';
  }
}
