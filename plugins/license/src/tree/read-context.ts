import type { DirectoryEntry, DirectoryHandle } from '@modelgate/plugin-api';
import { isYamlError, parseYamlMapping, type YamlMapping } from '../sources/yaml-doc.js';
import { decodeText } from '../text/decode.js';
import { createUnit, type Problem, type Unit } from './unit.js';

/** Largest manifest, provenance or dataset info file read. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** The parent directory of a root-relative path ('' for the root). */
export const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** A directory and every directory above it, nearest first, ending with ''. */
export function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; d !== ''; ) out.push((d = dirOf(d)));
  return out;
}

/** State shared while reading the documents of one scan into units. */
export class ReadContext {
  readonly units = new Map<string, Unit>();
  readonly problems: Problem[] = [];

  constructor(readonly directory: DirectoryHandle) {}

  /** The unit of a directory, created with `kind` if it does not exist. */
  unitAt(dir: string, kind: Unit['kind']): Unit {
    let unit = this.units.get(dir);
    if (!unit) this.units.set(dir, (unit = createUnit(dir, kind)));
    return unit;
  }

  /** Runs `read` for one file; a read that throws (file vanished, I/O error) becomes a problem. */
  async guarded(entry: DirectoryEntry, read: () => Promise<void>): Promise<void> {
    try {
      await read();
    } catch (error) {
      this.problems.push({ path: entry.path, kind: 'unreadable', detail: (error as Error).message.split('\n')[0] ?? 'read failed' });
    }
  }

  /** The start of a file (at most `max` bytes) as text, or undefined (and a problem) when it is not text. */
  async text(entry: DirectoryEntry, max: number): Promise<string | undefined> {
    const handle = await this.directory.open(entry.path);
    const bytes = await handle.read(0, Math.min(handle.size, max));
    const decoded = decodeText(bytes, handle.size > max);
    if ('text' in decoded) return decoded.text;
    this.problems.push({ path: entry.path, kind: 'not-text', detail: decoded.notText });
    return undefined;
  }

  /** A YAML mapping file, or undefined (and a problem) when it cannot be parsed. */
  async yaml(entry: DirectoryEntry): Promise<YamlMapping | undefined> {
    const text = await this.text(entry, MAX_DOCUMENT_BYTES);
    if (text === undefined) return undefined;
    const mapping = await parseYamlMapping(text);
    if (!isYamlError(mapping)) return mapping;
    this.problems.push({ path: entry.path, ...(mapping.line !== undefined && { line: mapping.line }), kind: 'invalid-yaml', detail: mapping.error });
    return undefined;
  }
}
