/**
 * Container expansion: lists the members of zip, tar, gzip, bzip2 and xz files and gives
 * bounded random access to each, without executing or extracting anything.
 *
 * - Listing reads only headers (ZIP tail and central directory, one tar header per entry).
 * - Compressed members inflate lazily, holding a small window; limits throw `LimitError`.
 * - Anything odd about a container comes back as a {@link ContainerAnomaly}, reported by the
 *   engine as a `container/<rule>` finding; a file that cannot be listed at all throws a
 *   {@link ContainerError} with a `code`.
 */
import type { ByteSource } from '../byte-source.js';
import type { ContainerLimits, OpenedContainer } from './types.js';

export type { ContainerAnomaly, ContainerLimits, ContainerMember, OpenedContainer } from './types.js';
export { ContainerError } from './errors.js';
export { DEFAULT_CONTAINER_LIMITS } from './limits.js';
export { singleMemberName } from './member-names.js';

/** Container formats {@link openContainer} understands. */
export type ContainerFormat = 'zip' | 'tar' | 'gzip' | 'bz2' | 'xz';

/**
 * Opens a container and lists its members.
 *
 * @param format - The format found by content sniffing (never by extension).
 * @param source - The container's bytes (a file, or a member of another container).
 * @param limits - Entry, inflate and ratio limits; see `DEFAULT_CONTAINER_LIMITS`.
 * @param name - The container's file name: used in messages and to name the single member of
 *   a gzip/bz2/xz file (`model.pkl.gz` → `model.pkl`, `x.tgz` → `x.tar`; see `singleMemberName`).
 * @returns Members in archive order (duplicates kept) and anomalies.
 * @throws ContainerError when nothing can be listed: `ZIP_CORRUPT` / `ZIP_TRUNCATED` (no end
 *   record, central directory missing or past the end), `TAR_CORRUPT` (first header invalid),
 *   `DECOMPRESS_ERROR` (no gzip/bzip2/xz header).
 */
export async function openContainer(
  format: ContainerFormat,
  source: ByteSource,
  limits: ContainerLimits,
  name: string,
): Promise<OpenedContainer> {
  // Each reader (and its decoders) is imported on the first container of its kind: most scans
  // meet few containers, and every worker thread would otherwise compile all of them at start-up.
  switch (format) {
    case 'zip':
      return (await import('./zip.js')).openZip(source, limits, name);
    case 'tar':
      return (await import('./tar.js')).openTar(source, limits);
    case 'gzip':
    case 'bz2':
    case 'xz':
      return (await import('./compressed.js')).openCompressed(format, source, limits, name);
    default:
      throw new TypeError(`unknown container format: ${String(format)}`);
  }
}
