import picomatch from 'picomatch';
import type { FileFilter, FileFormat } from '@modelgate/plugin-api';

/** Matches like the engine: a glob without `/` matches the base name, one with `/` the whole path. */
function matchesAny(globs: string[], path: string): boolean {
  return globs.some((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') })(path));
}

/**
 * Whether a scanner's filter selects a file, by the same rules as the engine: any of include globs
 * (basename match for patterns without `/`), formats or magic bytes; no exclude; within maxSize.
 */
export function filterSelects(filter: FileFilter, file: { path: string; format: FileFormat; size: number; head: Uint8Array }): boolean {
  if (filter.maxSize !== undefined && file.size > filter.maxSize) return false;
  if (filter.exclude?.length && matchesAny(filter.exclude, file.path)) return false;
  const selectors = [filter.include?.length, filter.formats?.length, filter.magic?.length].some(Boolean);
  if (!selectors) return true;
  if (filter.include?.length && matchesAny(filter.include, file.path)) return true;
  if (filter.formats?.includes(file.format)) return true;
  return filter.magic?.some((m) => m.bytes.every((b, i) => file.head[m.offset + i] === b)) ?? false;
}

/** Whether any of `globs` matches `path` the way directory scanner filters match. */
export function globMatches(globs: string[], path: string): boolean {
  return matchesAny(globs, path);
}
