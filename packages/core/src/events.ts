import type { Report, ReportError, ReportFile, ReportFinding } from '@modelgate/plugin-api';

/** Emitted once, after the walk, before any file is scanned. */
export interface RunStartEvent {
  type: 'run-start';
  startedAt: string;
  root: string;
  targets: string[];
  totalFiles: number;
  totalBytes: number;
}

/** Emitted when a disk file (with its archive members) or a directory has been scanned. */
export interface FileEvent {
  type: 'file';
  path: string;
  entries: ReportFile[];
  findings: ReportFinding[];
  errors: ReportError[];
}

/** Emitted after each completed task. Bytes count disk file sizes. */
export interface ProgressEvent {
  type: 'progress';
  filesDone: number;
  totalFiles: number;
  bytesDone: number;
  totalBytes: number;
  elapsedMs: number;
}

/** Emitted last, with the final report. */
export interface RunEndEvent {
  type: 'run-end';
  report: Report;
}

/** Everything a scan streams, in order: run-start, file/progress…, run-end. */
export type ScanEvent = RunStartEvent | FileEvent | ProgressEvent | RunEndEvent;
