/**
 * What a scanner's filter means, in code: the engine and the plugin test kit both select files and
 * trigger directory scanners with these functions, so a plugin's tests see what a scan does.
 * (Exported as `@modelgate/plugin-api/filter`, apart from the types-only main entry.)
 */
import picomatch from 'picomatch';
import type { FileFormat } from './file-format.js';
import type { DirectoryScanner, FileFilter } from './plugin.js';

/** What a filter looks at for one file or archive member. */
export interface FilterSubject {
  /** Root-relative disk path, or the member path for archive members. */
  path: string;
  isMember: boolean;
  format: FileFormat;
  size: number;
  /** Leading bytes (at least as many as the longest magic needs, when the file has them). */
  head: Uint8Array;
}

/**
 * Compiles globs into one predicate over a path: a glob without `/` matches the base name, one
 * with `/` the whole path (picomatch's `basename` rule). The globs become two regular expressions,
 * so a file costs two regex tests however many globs a scanner lists.
 */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const combine = (list: readonly string[]) =>
    list.length ? new RegExp(list.map((glob) => picomatch.makeRe(glob, { dot: true }).source).join('|')) : undefined;
  const byName = combine(globs.filter((glob) => !glob.includes('/')));
  const byPath = combine(globs.filter((glob) => glob.includes('/')));
  return (path) => {
    if (byName?.test(path.slice(path.lastIndexOf('/') + 1))) return true;
    return byPath?.test(path) ?? false;
  };
}

/** Compiles a scanner's declarative {@link FileFilter} into a predicate. */
export function compileFilter(filter: FileFilter): (subject: FilterSubject) => boolean {
  const include = filter.include?.length ? compileGlobs(filter.include) : undefined;
  const exclude = filter.exclude?.length ? compileGlobs(filter.exclude) : undefined;
  const formats = filter.formats?.length ? new Set(filter.formats) : undefined;
  const magic = filter.magic?.length ? filter.magic : undefined;
  const selectsAll = !include && !formats && !magic;
  return (subject) => {
    if (subject.isMember && filter.members === false) return false;
    if (filter.maxSize !== undefined && subject.size > filter.maxSize) return false;
    if (exclude?.(subject.path)) return false;
    if (selectsAll) return true;
    if (include?.(subject.path)) return true;
    if (formats?.has(subject.format)) return true;
    return magic?.some((m) => m.bytes.every((b, i) => subject.head[m.offset + i] === b)) ?? false;
  };
}

/**
 * Compiles a directory scanner's filter into a function of a root-relative file path: the
 * directory the scanner runs on because of that file (the file's own directory, or the scan root
 * '' for a root scanner or a file at the root), or undefined when the file does not trigger it.
 */
export function compileDirectoryTrigger(filter: DirectoryScanner['filter']): (path: string) => string | undefined {
  const matches = compileGlobs(filter.include);
  return (path) => {
    if (!matches(path)) return undefined;
    const slash = path.lastIndexOf('/');
    return filter.root === true || slash < 0 ? '' : path.slice(0, slash);
  };
}
