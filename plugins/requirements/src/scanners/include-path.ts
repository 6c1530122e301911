import { posix } from 'node:path';
import { isUrl } from '../parse/pep508.js';

/** Where an include points: a root-relative path, or why it cannot be followed. */
export type IncludeTarget = { kind: 'path'; path: string } | { kind: 'escapes' } | { kind: 'remote' };

/**
 * Resolves `-r`/`-c` targets as pip does, relative to the including file's directory, within the
 * scan root. Absolute paths and `..` beyond the root escape; URLs are remote.
 */
export function resolveInclude(fromFile: string, target: string): IncludeTarget {
  if (isUrl(target) && !/^file:/i.test(target)) return { kind: 'remote' };
  const cleaned = target.replace(/^file:(\/\/)?/i, '');
  if (posix.isAbsolute(cleaned) || /^[A-Za-z]:[\\/]/.test(cleaned) || cleaned.startsWith('~')) return { kind: 'escapes' };
  const dir = posix.dirname(fromFile);
  const joined = posix.normalize(posix.join(dir === '.' ? '' : dir, cleaned.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || joined === '.') return { kind: 'escapes' };
  return { kind: 'path', path: joined };
}
