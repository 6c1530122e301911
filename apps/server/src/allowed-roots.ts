import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError } from '@modelgate/core';
import { HttpError } from './http/errors.js';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The directories scans by path may read, each resolved through symlinks once at start-up. */
export class AllowedRoots {
  readonly roots: string[];
  private readonly declared: string[];

  /** Throws when a root does not exist: a typo must not silently allow nothing (or everything). */
  constructor(roots: string[]) {
    this.declared = roots.map((root) => resolve(root));
    this.roots = roots.map((root) => {
      try {
        return realpathSync(root);
      } catch (error) {
        throw new ConfigError(`allowed root ${root} cannot be used: ${(error as Error).message}`);
      }
    });
  }

  /**
   * Resolves a requested path through every symlink and returns it when it is inside an allowed
   * root. 400 for a relative or malformed path, 403 outside the roots (checked on the lexical path
   * first, so nothing is revealed about outside paths), 404 when it does not exist.
   */
  async resolve(requested: string): Promise<string> {
    if (requested.includes('\0')) throw new HttpError(400, 'path must not contain NUL bytes');
    if (!isAbsolute(requested)) throw new HttpError(400, 'path must be absolute');
    if (!this.roots.length) throw new HttpError(403, 'scanning by path is disabled: the server has no allowed roots (start it with --root DIR), upload the file instead');
    const lexical = resolve(requested);
    if (![...this.declared, ...this.roots].some((root) => inside(root, lexical))) throw new HttpError(403, 'path is outside the allowed roots');
    let real: string;
    try {
      real = await realpath(lexical);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HttpError(404, 'path does not exist');
      throw new HttpError(403, `path cannot be resolved: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    if (!this.roots.some((root) => inside(root, real))) throw new HttpError(403, 'path resolves (through a symlink) outside the allowed roots');
    return real;
  }
}
