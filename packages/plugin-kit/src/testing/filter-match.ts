import picomatch from 'picomatch';
import type { FileFilter, FileFormat } from '@modelgate/plugin-api';

/**
 * Whether a scanner's filter selects a file, by the same rules as the engine: any of include globs
 * (basename match for patterns without `/`), formats or magic bytes; no exclude; within maxSize.
 */
export function filterSelects(filter: FileFilter, file: { path: string; format: FileFormat; size: number; head: Uint8Array }): boolean {
  const options = { dot: true, basename: true };
  if (filter.maxSize !== undefined && file.size > filter.maxSize) return false;
  if (filter.exclude?.length && picomatch(filter.exclude, options)(file.path)) return false;
  const selectors = [filter.include?.length, filter.formats?.length, filter.magic?.length].some(Boolean);
  if (!selectors) return true;
  if (filter.include?.length && picomatch(filter.include, options)(file.path)) return true;
  if (filter.formats?.includes(file.format)) return true;
  return filter.magic?.some((m) => m.bytes.every((b, i) => file.head[m.offset + i] === b)) ?? false;
}

/** Whether any of `globs` matches `path` the way directory scanner filters match. */
export function globMatches(globs: string[], path: string): boolean {
  return picomatch(globs, { dot: true, basename: true })(path);
}
