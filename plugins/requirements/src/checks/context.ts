import type { AdvisoryIndex } from '../advisories/advisory-index.js';
import type { ParsedFile } from '../model.js';
import type { Report } from '../reporter.js';

/** What every check gets: the reporter and, when available, the advisory data. */
export interface CheckContext {
  report: Report;
  advisories?: AdvisoryIndex;
  /** Extra popular names from the options (`popularPackages`). */
  extraPopular: readonly string[];
}

/** An environment: a root file and every file it includes (transitively), root first. */
export interface Environment {
  root: ParsedFile;
  files: ParsedFile[];
}
