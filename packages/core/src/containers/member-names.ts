/** Why a member name could escape the extraction directory, or undefined when it cannot. */
export type UnsafePathReason = 'parent' | 'absolute' | 'drive' | 'backslash' | 'nul';

/**
 * Checks a stored member name the way an extractor on any OS could interpret it:
 * `..` components, absolute paths, Windows drive letters, NUL bytes, and (when `backslashes`)
 * backslashes, which Windows extractors treat as separators.
 */
export function unsafePathReason(name: string, backslashes: boolean): UnsafePathReason | undefined {
  if (name.includes('\0')) return 'nul';
  if (backslashes && name.includes('\\')) return 'backslash';
  const posix = name.replaceAll('\\', '/');
  if (posix.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(posix)) return 'drive';
  if (posix.split('/').includes('..')) return 'parent';
  return undefined;
}

/** Suffixes of single-stream compressed files and what the decompressed file is called. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['.tgz', '.tar'],
  ['.taz', '.tar'],
  ['.tbz2', '.tar'],
  ['.tbz', '.tar'],
  ['.txz', '.tar'],
  ['.gz', ''],
  ['.gzip', ''],
  ['.z', ''],
  ['.bz2', ''],
  ['.bz', ''],
  ['.xz', ''],
];

/** The last path component of `name` (either separator), without control characters. */
export function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last.replace(/[\u0000-\u001f\u007f]/g, '');
}

/**
 * Names the single member of a gzip/bz2/xz file, like `gunzip -N` and `bunzip2` do:
 * the gzip header's FNAME when present and usable (reduced to its base name, so it can never
 * hold a path), else the container's base name with its suffix removed (`.tgz` → `.tar`,
 * `.gz`/`.bz2`/`.xz` stripped), else `<name>.out` when the name has no known suffix
 * (content is sniffed, so a `.bin` may well be gzip).
 */
export function singleMemberName(containerName: string, headerName?: string): string {
  const fromHeader = headerName === undefined ? '' : baseName(headerName);
  if (fromHeader !== '' && fromHeader !== '.' && fromHeader !== '..') return fromHeader;
  const base = baseName(containerName) || 'data';
  const lower = base.toLowerCase();
  for (const [suffix, replacement] of SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      return base.slice(0, base.length - suffix.length) + replacement;
    }
  }
  return `${base}.out`;
}
