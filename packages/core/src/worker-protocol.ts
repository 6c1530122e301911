import type { DirectoryTask, FileTask } from './tasks.js';

/** What the main thread sends a worker: a batch of files, or one directory. */
export type WorkerTask = { kind: 'files'; files: FileTask[] } | { kind: 'directory'; directory: DirectoryTask };
