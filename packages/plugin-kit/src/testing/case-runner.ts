import type { DirectoryScanner, FileFormat, FileScanner, Plugin } from '@modelgate/plugin-api';
import { MemoryDirectory, MemoryFile } from './memory-handles.js';
import { createTestContext, type TestRun } from './test-context.js';
import { filterSelects, triggeredDirectory } from './filter-match.js';

/** A file of a test case. `content` may be shorter than `size`: the rest reads as zeros. */
export interface TestFile {
  path: string;
  content: string | Uint8Array;
  size?: number;
  /** The format the engine would sniff; defaults to `json`/`text` for strings, `binary` for bytes. */
  format?: FileFormat;
}

/** One case: a single file (file scanners) or a tree (file and directory scanners). */
export interface PluginTestCase {
  name?: string;
  file?: TestFile;
  files?: TestFile[];
  /** Options for the plugin, as `ctx.options`. */
  options?: Record<string, unknown>;
}

/** What one run of a case produced, and how much each file was read. */
export interface CaseResult extends TestRun {
  bytesRead: Map<string, number>;
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function defaultFormat(content: string | Uint8Array): FileFormat {
  if (typeof content !== 'string') return 'binary';
  return /^\s*[[{]/.test(content) ? 'json' : 'text';
}

/** The files of a case as memory handles; `wrap` may replace each (to count or abort reads). */
export function caseFiles(testCase: PluginTestCase): MemoryFile[] {
  const files = testCase.files ?? (testCase.file ? [testCase.file] : []);
  if (files.length === 0) throw new Error('a test case needs `file` or `files`');
  return files.map((f) => new MemoryFile(f.path, toBytes(f.content), { size: f.size ?? toBytes(f.content).length, format: f.format ?? defaultFormat(f.content) }));
}

/**
 * Runs every scanner of `plugin` on a case as the engine would: file scanners on each file their
 * filter selects, then directory scanners on each directory holding a file they ask for.
 */
export async function runCase(plugin: Plugin, files: MemoryFile[], options: { options?: Record<string, unknown>; signal?: AbortSignal } = {}): Promise<CaseResult> {
  const { ctx, run } = createTestContext(plugin, options);
  for (const file of files) {
    const head = await file.peek(0, 4096);
    for (const scanner of plugin.scanners) {
      if (scanner.scope === 'directory') continue;
      if (filterSelects((scanner as FileScanner).filter, { path: file.path, format: file.format, size: file.size, head })) await scanner.scan(file, ctx);
    }
  }
  const tree = Object.fromEntries(files.map((f) => [f.path, f]));
  for (const scanner of plugin.scanners) {
    if (scanner.scope !== 'directory') continue;
    const { filter } = scanner as DirectoryScanner;
    const directories = new Set(files.map((f) => triggeredDirectory(filter, f.path)).filter((d): d is string => d !== undefined));
    for (const path of [...directories].sort()) await scanner.scan(new MemoryDirectory(path, tree), ctx);
  }
  return { ...run, bytesRead: new Map(files.map((f) => [f.path, f.bytesRead])) };
}
