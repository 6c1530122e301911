import type { FileFormat, ReportError, ReportFile, ReportLocation } from '@modelgate/plugin-api';
import type { ScanLimits } from './config.js';

/** One disk file to scan; plain data so it can cross to a worker thread. */
export interface FileTask {
  fsPath: string | Uint8Array;
  path: string;
  size: number;
}

/** A file as directory scanners see it, with the engine's results for it. */
export interface ListingEntry {
  path: string;
  fsPath: string | Uint8Array;
  size: number;
  format?: FileFormat;
  sha256?: string;
}

/** One directory for directory-scope scanners, with every scanned file below it. */
export interface DirectoryTask {
  path: string;
  /** The scanner ids (`namespace:id`) that asked for this directory. */
  scanners: string[];
  files: ListingEntry[];
  subdirectories: string[];
}

/** Settings every scan task carries. */
export interface TaskSettings {
  hash: boolean;
  limits: ScanLimits;
  pluginOptions: Record<string, Record<string, unknown>>;
}

/** A finding as a scanner reported it, before severity and message are resolved. */
export interface RawFinding {
  namespace: string;
  rule: string;
  messageId: string;
  data?: Record<string, string | number>;
  location: ReportLocation;
  evidence?: Record<string, unknown>;
}

/** What scanning one disk file (and its members) or one directory produced. */
export interface TaskOutcome {
  path: string;
  entries: ReportFile[];
  findings: RawFinding[];
  errors: ReportError[];
  /** Inventory entries, each with the namespace of the plugin that recorded it. */
  inventory: { namespace: string; entry: Record<string, unknown> }[];
  bytesRead: number;
  bytesHashed: number;
}

/** What hashing one large file on its own produced (see `planFileTasks`). */
export interface HashOutcome {
  path: string;
  sha256?: string;
  errors: ReportError[];
  bytesHashed: number;
}

/** An outcome with nothing in it yet. */
export function emptyOutcome(path: string): TaskOutcome {
  return { path, entries: [], findings: [], errors: [], inventory: [], bytesRead: 0, bytesHashed: 0 };
}
