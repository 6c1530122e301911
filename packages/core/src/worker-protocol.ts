import type { DirectoryTask, FileTask } from './tasks.js';

/**
 * What the main thread sends a worker: a batch of files to scan (and hash, when `hash` is set),
 * one large file to hash, or one directory.
 */
export type WorkerTask =
  | { kind: 'files'; files: FileTask[]; hash: boolean }
  | { kind: 'hash'; file: FileTask }
  | { kind: 'directory'; directory: DirectoryTask };
