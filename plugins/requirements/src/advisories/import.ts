import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { indexPath } from './cache-dir.js';
import { indexFromDirectory, indexFromZipBytes, indexFromZipFile } from './read-sources.js';
import type { AdvisoryIndexFile } from './types.js';

/** Writes an index atomically (temp file, then rename) so a scan never reads half a file. */
export async function writeIndex(cacheDir: string, index: AdvisoryIndexFile): Promise<string> {
  const target = indexPath(cacheDir);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(index));
  await rename(temp, target);
  return target;
}

/** `modelgate db import PATH`: indexes a directory of OSV JSON/YAML files or an OSV zip. */
export async function importAdvisories(source: string, cacheDir: string, now = new Date()): Promise<{ index: AdvisoryIndexFile; path: string }> {
  const info = await stat(source);
  const importedAt = now.toISOString();
  const index = info.isDirectory() ? await indexFromDirectory(source, importedAt) : await indexFromZipFile(source, importedAt);
  if (index.count === 0) throw new Error(`${source} holds no PyPI OSV advisories`);
  return { index, path: await writeIndex(cacheDir, index) };
}

/** Most bytes `db update` downloads. */
export const MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024;

/**
 * `modelgate db update`: downloads an OSV zip (OSV's PyPI `all.zip` by default) with Node's
 * fetch, then indexes it into the cache directory. Only `db update` ever uses the network.
 */
export async function updateAdvisories(url: string, cacheDir: string, options: { now?: Date; timeoutMs?: number } = {}): Promise<{ index: AdvisoryIndexFile; path: string; bytes: number }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000), redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_DOWNLOAD_BYTES) throw new Error(`GET ${url}: ${declared} bytes is more than the ${MAX_DOWNLOAD_BYTES} allowed`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_DOWNLOAD_BYTES) throw new Error(`GET ${url}: more than ${MAX_DOWNLOAD_BYTES} bytes`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  const index = indexFromZipBytes(bytes, url, 'download', (options.now ?? new Date()).toISOString());
  if (index.count === 0) throw new Error(`${url} holds no PyPI OSV advisories`);
  return { index, path: await writeIndex(cacheDir, index), bytes: total };
}

export { indexFromZipFile };
