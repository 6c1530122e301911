/** Why a listed path must not be looked up. */
export type UnsafePath = 'traversal' | 'absolute' | 'url' | 'invalid';

/**
 * Classifies a path from a document. Anything that can leave the document's directory
 * (absolute paths, drive letters, UNC or backslash roots, `..` segments with either separator)
 * or fetch from elsewhere (`scheme://`) is unsafe. `..` inside a name (`a..b`) is fine.
 */
export function classifyPath(path: string): UnsafePath | undefined {
  if (path === '' || /\p{Cc}/u.test(path)) return 'invalid';
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(path)) return 'url';
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:/.test(path)) return 'absolute';
  if (path.split(/[\\/]/).includes('..')) return 'traversal';
  return undefined;
}

/** Root-relative posix path of a safe `path` relative to `baseDir` (drops `.` and empty segments). */
export function resolvePath(baseDir: string, path: string): string {
  const parts = [...(baseDir === '' ? [] : baseDir.split('/')), ...path.split('/')];
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

/** Directory part of a root-relative path ('' at the root). */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Base name of a posix path. */
export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` itself or below it ('' is the root: everything). */
export function isBelow(dir: string, path: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** Shortens long or hostile paths for messages (control characters escaped, 200 characters). */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const safe = text.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return safe.length > 200 ? `${safe.slice(0, 197)}...` : safe;
}
