import type { FileFormat } from './file-format.js';
import type { DirectoryHandle, FileHandle } from './file-handle.js';
import type { Severity } from './severity.js';

/** The plugin API version this package describes. A plugin declares the version it was built for. */
export const API_VERSION = 1 as const;

/** Declared, documented metadata of one rule. Every reported rule must be declared. */
export interface RuleMeta {
  /** One sentence: what the rule detects. */
  description: string;
  defaultSeverity: Severity;
  /** messageId → template; `{{name}}` placeholders are filled from the report's `data`. */
  messages: Record<string, string>;
  /** JSON Schema of the rule's options (documentation for now: the engine only checks it is an object). */
  schema?: object;
  tags?: string[];
  cwe?: string[];
  docsUrl?: string;
}

/** Where in a file a finding is. */
export interface FindingLocation {
  byteOffset?: number;
  line?: number;
  /** A logical path inside the file, e.g. a tensor name or a JSON pointer's parts. */
  logical?: string[];
}

/** What a scanner passes to {@link ScanContext.report}. */
export interface FindingReport {
  /** Rule name without the namespace (`header-too-large`); the engine prefixes `namespace/`. */
  rule: string;
  messageId: string;
  data?: Record<string, string | number>;
  location?: FindingLocation;
  /** Small, JSON-serialisable details. */
  evidence?: Record<string, unknown>;
  /**
   * Reports the finding against another file of the scan (root-relative posix path),
   * e.g. a shard named in an index. Defaults to the file or directory being scanned.
   */
  path?: string;
}

/** What the engine gives a scanner for one file or directory. */
export interface ScanContext {
  /** Options for this plugin from the config (`plugins.<namespace>`), validated. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Aborted on soft timeout or cancellation: stop promptly when it fires. */
  readonly signal: AbortSignal;
  report(finding: FindingReport): void;
  /**
   * Adds a fact to the report's inventory under this plugin's namespace: things found that are not
   * problems (imports a pickle makes, the licence a model carries, the advisory data used).
   * Small, JSON-serialisable objects; the engine sorts them so reports stay deterministic.
   */
  inventory(entry: Record<string, unknown>): void;
  /**
   * Records that the file could not be fully analysed (an unreadable format, a limit hit): an error
   * entry in the report, which makes the scan incomplete (exit code 3 unless a finding fails it).
   * Findings already reported stay. `code` is machine-readable, e.g. `NOT_ANALYSABLE`.
   */
  fail(code: string, message: string): void;
}

/**
 * Which files a scanner wants. A file is selected when it matches any of `include`, `formats`
 * or `magic` (a filter with none of them selects every file), matches no `exclude` glob, and is
 * no larger than `maxSize`. Globs are matched against the root-relative path (and, for archive
 * members, the member path) with picomatch, `dot: true`, basename matching for patterns without `/`.
 */
export interface FileFilter {
  include?: string[];
  exclude?: string[];
  formats?: FileFormat[];
  magic?: { offset: number; bytes: number[] }[];
  maxSize?: number;
  /** Scan archive members too (default true). */
  members?: boolean;
}

/** A scanner that looks at one file at a time. */
export interface FileScanner {
  id: string;
  scope?: 'file';
  filter: FileFilter;
  scan(file: FileHandle, ctx: ScanContext): Promise<void> | void;
}

/**
 * A scanner that looks at a directory as a whole (manifests, licences, shard indexes).
 * It runs after the file scans, once per directory that holds a file matching `filter.include`,
 * with the sniffed format and (when hashing is on) the sha256 of every file in its listing.
 */
export interface DirectoryScanner {
  id: string;
  scope: 'directory';
  /**
   * Whether the scanner reads `sha256` from its listing (default true). With false it may run as
   * soon as every file is scanned, while large files are still being hashed, and the `sha256` of
   * those files can then be missing from its listing.
   */
  digests?: boolean;
  /**
   * `include`: file globs (basename globs match in any directory) that make a directory worth a scan.
   * `root: true`: run once, for the scan root, with every file of the scan, when any file matches
   * (for documents that refer to files anywhere in the tree, such as cards naming datasets).
   */
  filter: { include: string[]; root?: boolean };
  scan(directory: DirectoryHandle, ctx: ScanContext): Promise<void> | void;
}

export type Scanner = FileScanner | DirectoryScanner;

export interface PluginMeta {
  /** npm package name, e.g. `@modelgate/plugin-safetensors`. */
  name: string;
  version: string;
  /** Prefix of the plugin's rule ids (`safetensors` → `safetensors/header-too-large`). */
  namespace: string;
  docsUrl?: string;
}

/** A modelgate plugin: a plain object, usually the default export of its package. */
export interface Plugin {
  apiVersion: typeof API_VERSION;
  meta: PluginMeta;
  rules: Record<string, RuleMeta>;
  scanners: Scanner[];
  /** JSON Schema for `plugins.<namespace>` options in the config. */
  optionsSchema?: object;
}

/** Identity function that type-checks a plugin object. */
export function definePlugin<P extends Plugin>(plugin: P): P {
  return plugin;
}
