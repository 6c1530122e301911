import type { FileFormat } from './file-format.js';
import type { Severity } from './severity.js';

/** One file (or archive member) of a scan, as it appears in the report. */
export interface ReportFile {
  /** Disk path relative to the scan root (posix). */
  path: string;
  /** Path inside an archive, nested archives joined with `!/`. */
  member?: string;
  size: number;
  sha256?: string;
  format?: FileFormat;
  status: 'scanned' | 'skipped' | 'error';
  reason?: string;
}

export interface ReportLocation {
  path: string;
  member?: string;
  byteOffset?: number;
  line?: number;
  logical?: string[];
}

export interface ReportFinding {
  /** `namespace/rule`. */
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  /** Plugin package name. */
  plugin: string;
  location: ReportLocation;
  evidence?: Record<string, unknown>;
  /** Stable across runs, scan roots and unrelated files. */
  fingerprint: string;
  suppressed?: { reason: string; source: string };
}

export interface ReportError {
  path: string;
  member?: string;
  /** Machine-readable code, e.g. `EACCES`, `TIMEOUT`, `PLUGIN_CRASH`, `LIMIT_FILE_SIZE`. */
  code: string;
  message: string;
}

/** A declared rule as the report lists it (for SARIF `rules[]` and `modelgate rules`). */
export interface ReportRule {
  id: string;
  plugin: string;
  description: string;
  defaultSeverity: Severity;
  /** Effective severity after config overrides. */
  severity: Severity;
  docsUrl?: string;
  tags?: string[];
  cwe?: string[];
}

/**
 * A warning or note about the run itself rather than about a file: a suppression that expired or
 * matched nothing, a baseline written by another tool version, findings left out of an output.
 */
export interface ReportNotice {
  level: 'warning' | 'info';
  /** Machine-readable code, e.g. `SUPPRESSION_EXPIRED`, `SUPPRESSION_UNUSED`, `BASELINE_VERSION`. */
  code: string;
  message: string;
  /** The file the notice is about (a suppression file, a baseline), as given on the command line. */
  source?: string;
  /** 1-based line in `source`, when known. */
  line?: number;
}

/** The deterministic result of one scan (DESIGN.md §3). */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'modelgate'; version: string; plugins: { name: string; version: string }[] };
  run: { startedAt: string; durationMs: number; targets: string[]; root: string; complete: boolean };
  rules: ReportRule[];
  files: ReportFile[];
  findings: ReportFinding[];
  errors: ReportError[];
  /** Facts plugins recorded (see `ScanContext.inventory`), by plugin namespace, sorted. */
  inventory: Record<string, Record<string, unknown>[]>;
  summary: {
    bySeverity: Record<Severity, number>;
    files: { scanned: number; skipped: number; errored: number };
    /** Bytes on disk, bytes hashed, and bytes read by sniffing, plugins and archive listing. */
    bytes: { total: number; hashed: number; read: number };
  };
  /** Warnings about the run (suppressions, baselines, output limits); absent when there are none. */
  notices?: ReportNotice[];
}
