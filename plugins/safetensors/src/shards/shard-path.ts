/** Why a shard name from an index must not be opened. */
export type UnsafeShardPath = 'traversal' | 'absolute' | 'url' | 'invalid';

/**
 * Classifies a shard name from `weight_map`. Loaders join it to the index's directory, so
 * anything that can leave that directory (absolute paths, drive letters, UNC or backslash roots,
 * `..` segments with either separator) or fetch from elsewhere (`scheme://`) is unsafe.
 * `..` inside a name (`a..b.safetensors`) is not a segment and is fine.
 */
export function classifyShardPath(name: string): UnsafeShardPath | undefined {
  if (name === '' || /\p{Cc}/u.test(name)) return 'invalid';
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(name)) return 'url';
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return 'absolute';
  if (name.split(/[\\/]/).includes('..')) return 'traversal';
  return undefined;
}

/** Root-relative posix path of a (safe) shard name next to an index in `directory`. */
export function resolveShardPath(directory: string, name: string): string {
  const parts = [...(directory === '' ? [] : directory.split('/')), ...name.split('/')];
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

/**
 * The file names an index's own shards get: `model.safetensors.index.json` →
 * `model-00001-of-00002.safetensors`. Returns a matcher, or undefined for other index names.
 */
export function shardNamePattern(indexName: string): RegExp | undefined {
  const suffix = '.safetensors.index.json';
  if (!indexName.endsWith(suffix)) return undefined;
  const prefix = indexName.slice(0, -suffix.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${prefix}-\\d+-of-\\d+\\.safetensors$`);
}
