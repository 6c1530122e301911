import type { DirectoryEntry, DirectoryHandle, FileHandle } from '@modelgate/plugin-api';
import { DiskSource } from './disk-source.js';
import { createFileHandle } from './file-handle.js';
import type { DirectoryTask, ListingEntry } from './tasks.js';

function toEntry(file: ListingEntry, name: string, kind: DirectoryEntry['kind'] = 'file'): DirectoryEntry {
  return {
    name,
    path: file.path,
    size: file.size,
    kind,
    ...(file.format !== undefined && { format: file.format }),
    ...(file.sha256 !== undefined && { sha256: file.sha256 }),
  };
}

/**
 * Builds the handle a directory scanner gets: its direct children, lookup of any scanned file
 * below it, and bounded file handles opened on demand, all closed by `close()`.
 */
export function createDirectoryHandle(task: DirectoryTask, beforeRead: () => void): { directory: DirectoryHandle; close(): Promise<number> } {
  const prefix = task.path ? `${task.path}/` : '';
  const byPath = new Map(task.files.map((file) => [file.path, file]));
  const children: DirectoryEntry[] = [];
  for (const file of task.files) {
    const rest = file.path.slice(prefix.length);
    if (!rest.includes('/')) children.push(toEntry(file, rest));
  }
  for (const sub of task.subdirectories) {
    const rest = sub.slice(prefix.length);
    if (rest && !rest.includes('/')) children.push({ name: rest, path: sub, size: 0, kind: 'directory' });
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const open = new Set<DiskSource>();
  const files = task.files.map((file) => toEntry(file, file.path.slice(file.path.lastIndexOf('/') + 1)));
  const directory: DirectoryHandle = {
    path: task.path,
    entries: children,
    files,
    lookup(path) {
      const file = byPath.get(path);
      return file && toEntry(file, path.split('/').pop() ?? path);
    },
    async open(path): Promise<FileHandle> {
      beforeRead();
      const file = byPath.get(path);
      if (!file) throw new Error(`${path} is not a file of this scan`);
      const source = await DiskSource.open(file.fsPath);
      open.add(source);
      return createFileHandle(source, { diskPath: file.path, format: file.format ?? 'binary' }, beforeRead);
    },
  };
  /** Closes every file the scanner opened; returns the bytes they read. */
  const close = async (): Promise<number> => {
    let bytes = 0;
    for (const source of open) {
      bytes += source.bytesRead;
      await source.close().catch(() => {});
    }
    open.clear();
    return bytes;
  };
  return { directory, close };
}
