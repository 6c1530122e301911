import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { displayName } from './display-path.js';

/** A regular file found by the walk. `fsPath` is a Buffer when the name is not valid UTF-8. */
export interface WalkedFile {
  fsPath: string | Buffer;
  /** Posix path relative to the scan root, printable. */
  path: string;
  size: number;
}

/** Something the walk saw and did not scan, with the reason. */
export interface WalkedSkip {
  path: string;
  size: number;
  reason: string;
}

/** A path the walk could not read. */
export interface WalkedError {
  path: string;
  code: string;
  message: string;
}

export interface WalkResult {
  /** Absolute scan root: the target directory, or the common parent of several targets. */
  root: string;
  files: WalkedFile[];
  skipped: WalkedSkip[];
  errors: WalkedError[];
  /** Every directory walked (root-relative, '' for the root). */
  directories: string[];
}

/** A target that does not exist or cannot be read at all: a usage error. */
export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface WalkOptions {
  ignore: string[];
  followSymlinks: boolean;
  signal?: AbortSignal;
}

function commonRoot(paths: string[]): string {
  const parts = paths.map((p) => p.split(sep));
  const first = parts[0]!;
  let length = first.length;
  for (const other of parts) {
    let i = 0;
    while (i < length && i < other.length && other[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join(sep) || sep;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

/**
 * Walks the targets: regular files to scan, what was skipped and why, and what could not be read.
 * Symlinks are not followed unless asked; one that leaves the scan root is never followed.
 * Results are sorted by path so reports are deterministic.
 */
export async function walk(targets: string[], options: WalkOptions): Promise<WalkResult> {
  if (targets.length === 0) throw new TargetError('no path given to scan');
  const resolved: { path: string; stats: Stats }[] = [];
  for (const target of targets) {
    const absolute = resolve(target);
    try {
      const real = await realpath(absolute);
      resolved.push({ path: real, stats: await stat(real) });
    } catch (error) {
      throw new TargetError(`cannot scan ${target}: ${errorCode(error) === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
    }
  }
  const root =
    resolved.length === 1 && resolved[0]!.stats.isDirectory()
      ? resolved[0]!.path
      : commonRoot(resolved.map((r) => (r.stats.isDirectory() ? r.path : dirname(r.path))));

  // One regular expression for every ignore glob: a native test per path, not a matcher loop.
  const ignoredPattern = options.ignore.length ? new RegExp(options.ignore.map((glob) => picomatch.makeRe(glob, { dot: true }).source).join('|')) : undefined;
  const ignored = (path: string) => ignoredPattern?.test(path) ?? false;
  const result: WalkResult = { root, files: [], skipped: [], errors: [], directories: [] };
  const seenDirectories = new Set<string>();
  const seenFiles = new Set<string>();

  const rel = (abs: string): string => toPosix(relative(root, abs));

  async function visitDirectory(fsPath: string | Buffer, path: string, realDir: string): Promise<void> {
    if (options.signal?.aborted) return;
    if (seenDirectories.has(realDir)) return;
    seenDirectories.add(realDir);
    result.directories.push(path);
    // One directory is listed and stat-ed synchronously (a promise per lstat costs more than the
    // call itself); the event loop gets a turn between directories.
    await nextTurn();
    let names: Buffer[];
    try {
      names = readdirSync(fsPath, { encoding: 'buffer' });
    } catch (error) {
      result.errors.push({ path: path || '.', code: errorCode(error), message: `cannot list directory: ${(error as Error).message}` });
      return;
    }
    names.sort(Buffer.compare);
    const children = names.map((name) => {
      const childFs = typeof fsPath === 'string' && isUtf8(name) ? `${fsPath}${sep}${name.toString('utf8')}` : joinBuffer(fsPath, name);
      const childPath = path ? `${path}/${displayName(name)}` : displayName(name);
      return { childFs, childPath };
    });
    for (const { childFs, childPath } of children) {
      const info = recordEntry(childFs, childPath);
      if (info?.isSymbolicLink()) await visitSymlink(childFs, childPath, info);
      else if (info) await visitDirectory(childFs, childPath, directoryKey(childFs));
    }
  }

  /**
   * What identifies a directory reached by listing its parent. Without followed symlinks its path
   * is already real (the root is, and no link is crossed): realpath is only needed with them.
   */
  function directoryKey(fsPath: string | Buffer): string {
    return !options.followSymlinks && typeof fsPath === 'string' ? fsPath : realDirectory(fsPath);
  }

  /**
   * Stats one directory entry and records it when that is all it needs (a file, an ignored path, a
   * special file, an error): synchronous, as most entries are. Returns the stats of a directory or
   * symlink, which the caller visits.
   */
  function recordEntry(fsPath: string | Buffer, path: string): Stats | undefined {
    if (ignored(path)) return undefined;
    let info: Stats;
    try {
      info = lstatSync(fsPath);
    } catch (error) {
      result.errors.push({ path, code: errorCode(error), message: `cannot stat: ${(error as Error).message}` });
      return undefined;
    }
    if (info.isSymbolicLink() || info.isDirectory()) return info;
    if (info.isFile()) result.files.push({ fsPath, path, size: info.size });
    else result.skipped.push({ path, size: 0, reason: `not a regular file (${describeKind(info)})` });
    return undefined;
  }

  async function visitSymlink(fsPath: string | Buffer, path: string, info: Stats): Promise<void> {
    let target: string;
    try {
      target = await realpath(fsPath);
    } catch (error) {
      const code = errorCode(error);
      const reason = code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'dangling symlink' : `unresolvable symlink (${code})`;
      result.skipped.push({ path, size: info.size, reason });
      return;
    }
    if (!isInside(root, target)) {
      result.skipped.push({ path, size: info.size, reason: `symlink points outside the scan root (${target})` });
      return;
    }
    if (!options.followSymlinks) {
      result.skipped.push({ path, size: info.size, reason: `symlink not followed (to ${rel(target) || '.'})` });
      return;
    }
    const targetInfo = await stat(target);
    if (targetInfo.isDirectory()) {
      if (seenDirectories.has(target)) {
        result.skipped.push({ path, size: 0, reason: `symlink to a directory already scanned (${rel(target) || '.'})` });
        return;
      }
      return visitDirectory(fsPath, path, target);
    }
    if (targetInfo.isFile()) {
      if (seenFiles.has(target)) return;
      seenFiles.add(target);
      result.files.push({ fsPath, path, size: targetInfo.size });
      return;
    }
    result.skipped.push({ path, size: 0, reason: `symlink to a non-regular file (${describeKind(targetInfo)})` });
  }

  for (const { path: abs, stats } of resolved) {
    if (stats.isDirectory()) {
      await visitDirectory(abs, rel(abs), abs);
    } else if (stats.isFile()) {
      const path = rel(abs) || basename(abs);
      if (seenFiles.has(abs)) continue;
      seenFiles.add(abs);
      result.files.push({ fsPath: abs, path, size: stats.size });
    } else {
      result.skipped.push({ path: rel(abs), size: 0, reason: `not a regular file (${describeKind(stats)})` });
    }
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  result.files.sort(byPath);
  result.skipped.sort(byPath);
  result.errors.sort(byPath);
  result.directories.sort();
  // With followSymlinks, a file reached both through a link and directly is scanned under both names
  // (each is a path a loader may open); several links to one file count once.
  return result;
}

/** The real path of a directory, which identifies it when links make a cycle. */
function realDirectory(fsPath: string | Buffer): string {
  try {
    return String(realpathSync(fsPath));
  } catch {
    return String(fsPath);
  }
}

function joinBuffer(dir: string | Buffer, name: Buffer): Buffer {
  return Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(sep), name]);
}

function describeKind(info: Stats): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'unknown type';
}
