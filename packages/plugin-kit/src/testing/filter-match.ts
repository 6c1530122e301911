import type { FileFilter, FileFormat } from '@modelgate/plugin-api';
import { compileDirectoryTrigger, compileFilter } from '@modelgate/plugin-api/filter';
import type { DirectoryScanner } from '@modelgate/plugin-api';

// The engine's own rules (from @modelgate/plugin-api/filter), compiled once per filter object.
const fileFilters = new WeakMap<FileFilter, ReturnType<typeof compileFilter>>();
const directoryTriggers = new WeakMap<DirectoryScanner['filter'], ReturnType<typeof compileDirectoryTrigger>>();

/** Whether a file scanner's filter selects a file on disk, as the engine decides it. */
export function filterSelects(filter: FileFilter, file: { path: string; format: FileFormat; size: number; head: Uint8Array }): boolean {
  let selects = fileFilters.get(filter);
  if (!selects) fileFilters.set(filter, (selects = compileFilter(filter)));
  return selects({ ...file, isMember: false });
}

/** The directory a directory scanner runs on because of the file at `path`, or undefined. */
export function triggeredDirectory(filter: DirectoryScanner['filter'], path: string): string | undefined {
  let trigger = directoryTriggers.get(filter);
  if (!trigger) directoryTriggers.set(filter, (trigger = compileDirectoryTrigger(filter)));
  return trigger(path);
}
