import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** File name of the index inside the cache directory. */
export const INDEX_FILE_NAME = 'osv-pypi-index.json';

/** OSV's dump of every PyPI advisory (what `modelgate db update` downloads by default). */
export const DEFAULT_UPDATE_URL = 'https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip';

/**
 * The cache directory: the given one (config `requirements.cacheDir` or `--cache-dir`), else
 * `$XDG_CACHE_HOME/modelgate`, else `~/.cache/modelgate`.
 */
export function resolveCacheDir(configured?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (configured) return resolve(configured);
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'modelgate');
  return join(homedir(), '.cache', 'modelgate');
}

/** Path of the advisory index in a cache directory. */
export function indexPath(cacheDir: string): string {
  return join(cacheDir, INDEX_FILE_NAME);
}
