import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AdvisoryIndex } from './advisory-index.js';
import { INDEX_FILE_NAME } from './cache-dir.js';
import { indexFromDirectory, indexFromZipFile } from './read-sources.js';
import type { AdvisoryIndexFile } from './types.js';

/** Reads an index file written by `db import` / `db update`; throws when it is not one. */
export async function readIndexFile(path: string): Promise<AdvisoryIndexFile> {
  const data = JSON.parse(await readFile(path, 'utf8')) as AdvisoryIndexFile;
  if (data?.format !== 'modelgate-osv-index' || data.version !== 1 || typeof data.packages !== 'object') {
    throw new Error(`${path} is not a modelgate advisory index (run "modelgate db import" again)`);
  }
  return data;
}

/**
 * Loads advisory data from any of the forms a user can point at: an index file, a cache directory
 * holding one, a directory of OSV JSON/YAML files, or an OSV `all.zip`.
 */
export async function loadAdvisoryData(path: string): Promise<AdvisoryIndexFile> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const index = join(path, INDEX_FILE_NAME);
    return existsSync(index) ? readIndexFile(index) : indexFromDirectory(path);
  }
  const head = new Uint8Array(await readFile(path).then((b) => b.subarray(0, 4)));
  if (head[0] === 0x50 && head[1] === 0x4b) return indexFromZipFile(path);
  return readIndexFile(path);
}

/**
 * Loaded indexes by path and modification time. Plugin modules are imported once per worker
 * thread, so this makes the data load once per worker, not once per scanned file; a newer
 * `db update` (a new mtime) is picked up by the next scan.
 */
const loaded = new Map<string, Promise<AdvisoryIndex>>();

/** The {@link AdvisoryIndex} for `path`, loaded once per worker (see {@link loaded}). */
export async function cachedAdvisoryIndex(path: string): Promise<AdvisoryIndex> {
  const info = await stat(path);
  const key = `${path}\0${info.mtimeMs}`;
  let promise = loaded.get(key);
  if (!promise) {
    promise = loadAdvisoryData(path).then((data) => new AdvisoryIndex(data));
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

/** How many distinct indexes this worker has loaded (tests use it to prove the cache works). */
export function loadedIndexCount(): number {
  return loaded.size;
}
