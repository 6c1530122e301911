import type { DirectoryHandle, ScanContext } from '@modelgate/plugin-api';
import type { CheckContext, Environment } from '../checks/context.js';
import type { FileKind, Include, ParsedFile } from '../model.js';
import { classify } from '../parse/classify.js';
import { FileParseError } from '../parse/parse-error.js';
import { parseDependencyFile } from '../parse/parse-file.js';
import { includeCycle } from '../rules/include-cycle.js';
import { includeUnresolved } from '../rules/include-unresolved.js';
import { clip } from '../text/lines.js';
import { resolveInclude } from './include-path.js';
import { readDependencyFile } from './read-file.js';

/** Most files one environment may include (pip has no limit; a hostile tree could have millions). */
const MAX_FILES_PER_ENVIRONMENT = 1000;

/**
 * The dependency files of a scan, parsed once each (per kind and constraint mode), with the include
 * graph between them. Includes are followed only inside the scan, through the directory handle.
 */
export class Workspace {
  private readonly parsed = new Map<string, Promise<ParsedFile | undefined>>();
  /** Files some other file includes (they are checked in the includer's environment). */
  readonly included = new Set<string>();

  constructor(
    private readonly directory: DirectoryHandle,
    private readonly ctx: ScanContext,
    private readonly checks: CheckContext,
  ) {}

  /** Parses a file (once); undefined when it cannot be read or parsed (already recorded with ctx.fail). */
  load(path: string, kind: FileKind, constraint = false): Promise<ParsedFile | undefined> {
    const key = `${path}\0${kind}\0${constraint}`;
    let promise = this.parsed.get(key);
    if (!promise) {
      promise = this.read(path, kind, constraint);
      this.parsed.set(key, promise);
    }
    return promise;
  }

  private async read(path: string, kind: FileKind, constraint: boolean): Promise<ParsedFile | undefined> {
    const read = await readDependencyFile(this.directory, path);
    if (!read.ok) {
      this.ctx.fail(read.code, read.message);
      return undefined;
    }
    try {
      return parseDependencyFile(read.text, path, kind, { constraint });
    } catch (error) {
      if (error instanceof FileParseError) {
        this.ctx.fail('PARSE_ERROR', `${path}: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }

  /** The file an include points to, or undefined (reporting why when it is not a best-effort include). */
  async follow(include: Include): Promise<ParsedFile | undefined> {
    const option = include.kind === 'requirement' ? '-r' : '-c';
    const where = { path: include.path, location: { line: include.line } };
    const target = resolveInclude(include.path, include.target);
    const data = { option, target: clip(include.target) };
    if (target.kind === 'remote') {
      this.checks.report(includeUnresolved, 'remote', { ...where, data });
      return undefined;
    }
    if (target.kind === 'escapes') {
      if (!include.bestEffort) this.checks.report(includeUnresolved, 'escapes', { ...where, data });
      return undefined;
    }
    let path = target.path;
    if (this.directory.lookup(path)?.kind !== 'file' && include.bestEffort) {
      // A Dockerfile names a path in the image; the build context usually holds it by its base name.
      const dir = include.path.includes('/') ? include.path.slice(0, include.path.lastIndexOf('/') + 1) : '';
      path = `${dir}${include.target.split('/').pop()}`;
    }
    if (this.directory.lookup(path)?.kind !== 'file') {
      if (!include.bestEffort) this.checks.report(includeUnresolved, 'missing', { ...where, data });
      return undefined;
    }
    // A Dockerfile's `pip install -r` does not make the file part of something else: it stays its own environment too.
    if (!include.bestEffort) this.included.add(path);
    const kind = classify(path)?.kind;
    return this.load(path, kind && kind !== 'requirements' ? kind : 'requirements', include.kind === 'constraint');
  }

  /**
   * The environment of a root file: it and every file it includes, transitively, in include order.
   * Cycles are reported once per including line and not followed further.
   */
  async environment(root: ParsedFile): Promise<Environment> {
    const files: ParsedFile[] = [];
    const seen = new Set<string>();
    const visit = async (file: ParsedFile, stack: string[]): Promise<void> => {
      const id = `${file.path}\0${file.requirements[0]?.constraint ?? false}`;
      seen.add(id);
      files.push(file);
      for (const include of file.includes) {
        if (this.ctx.signal.aborted || files.length >= MAX_FILES_PER_ENVIRONMENT) return;
        const target = await this.follow(include);
        if (!target) continue;
        if (stack.includes(target.path)) {
          const cycle = [...stack.slice(stack.indexOf(target.path)), target.path].join(' → ');
          this.checks.report(includeCycle, 'cycle', { path: include.path, location: { line: include.line }, data: { cycle: clip(cycle, 300) } });
          continue;
        }
        const targetId = `${target.path}\0${target.requirements[0]?.constraint ?? false}`;
        if (seen.has(targetId)) continue;
        await visit(target, [...stack, target.path]);
      }
    };
    await visit(root, [root.path]);
    return { root, files };
  }
}
