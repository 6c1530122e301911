import type { DirectoryHandle } from '@modelgate/plugin-api';
import type { ManifestOptions } from '../options.js';
import type { Report } from '../reporter.js';
import type { Measurement } from '../rows/measure.js';

/** What the checks of one document share. */
export interface CheckContext {
  directory: DirectoryHandle;
  report: Report;
  options: ManifestOptions;
  signal: AbortSignal;
  /** `ctx.fail`: the document could not be fully verified. */
  fail(code: string, message: string): void;
  /** Row measurements by path (and date column), shared by every document of the scan. */
  measured: Map<string, Promise<Measurement>>;
}

/** A listed file that is present in the scan, with the entry that listed it. */
export interface PresentEntry {
  path: string;
  size: number;
  line?: number;
  rowCount?: unknown;
}
