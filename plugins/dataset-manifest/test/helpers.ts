import { createHash } from 'node:crypto';
import type { DirectoryEntry, DirectoryHandle } from '@modelgate/plugin-api';
import { MemoryDirectory, MemoryFile, scanDirectoryWith, type TestRun } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

/** sha256 (hex) of text or bytes. */
export function sha(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A {@link MemoryDirectory} whose listing carries the sha256 the engine would compute (unless `hash: false`). */
export class HashedDirectory extends MemoryDirectory {
  private readonly digests = new Map<string, string>();

  constructor(path: string, files: Record<string, string | Uint8Array>, options: { hash?: boolean } = {}) {
    const nodes: Record<string, MemoryFile> = {};
    for (const [name, content] of Object.entries(files)) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      nodes[name] = new MemoryFile(name, bytes);
    }
    super(path, nodes);
    if (options.hash !== false) for (const [name, content] of Object.entries(files)) this.digests.set(name, sha(content));
  }

  override lookup(path: string): DirectoryEntry | undefined {
    const entry = super.lookup(path);
    const digest = this.digests.get(path);
    return entry && digest ? { ...entry, sha256: digest } : entry;
  }
}

/** Builds a scan root from file contents. */
export function dir(files: Record<string, string | Uint8Array>, options: { hash?: boolean } = {}): HashedDirectory {
  return new HashedDirectory('', files, options);
}

/** Runs the plugin's directory scanners on `directory`. */
export function scan(directory: DirectoryHandle, options: Record<string, unknown> = {}): Promise<TestRun> {
  return scanDirectoryWith(plugin, directory, { options });
}

/** `rule/messageId` of each finding, sorted, for compact assertions. */
export function ids(run: TestRun): string[] {
  return run.findings.map((f) => `${f.rule}/${f.messageId}`).sort();
}

/** A YAML `files:` list entry. */
export function yamlEntry(path: string, fields: Record<string, string | number>): string {
  return [`  - path: ${JSON.stringify(path)}`, ...Object.entries(fields).map(([k, v]) => `    ${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)].join('\n');
}

/**
 * A directory handle shaped like the engine's (entries precomputed, Map lookup), over a
 * {@link HashedDirectory}: for timing the plugin rather than the test double's getters.
 */
export function engineLike(source: HashedDirectory): DirectoryHandle {
  const files = source.files;
  const byPath = new Map(files.map((f) => [f.path, f]));
  return { path: source.path, entries: source.entries, files, lookup: (path) => byPath.get(path), open: (path) => source.open(path) };
}
