import type { Severity } from '@modelgate/plugin-api';

/** Where a scan is in its life. `done`, `failed` and `cancelled` are final. */
export type ScanStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Every status, for filters and metrics. */
export const SCAN_STATUSES: readonly ScanStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled'];

/** True for statuses a scan never leaves. */
export function isFinal(status: ScanStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** What a finished scan found, kept next to the scan for lists and the dashboard. */
export interface ScanSummary {
  bySeverity: Record<Severity, number>;
  files: { scanned: number; skipped: number; errored: number };
  errors: number;
  findings: number;
}

/** A scan as stored (one row of `scans`). */
export interface ScanRecord {
  id: string;
  status: ScanStatus;
  source: 'path' | 'upload';
  /** The path asked for, or the uploaded file's name as the client sent it (untrusted: escape it). */
  name: string;
  /** The absolute path the engine scans. */
  target: string;
  /** The random directory holding an upload, deleted after the scan. */
  uploadDir: string | null;
  tokenName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why a scan failed or was cancelled. */
  error: string | null;
  /** How the scan was interrupted and resumed (server restarts), if it was. */
  note: string | null;
  /** How many times the scan was started (more than 1: resumed after a server restart). */
  attempts: number;
  filesDone: number;
  totalFiles: number | null;
  bytesDone: number;
  totalBytes: number | null;
  durationMs: number | null;
  complete: boolean | null;
  worstSeverity: Severity | null;
  summary: ScanSummary | null;
}

/** A scan as the API shows it. */
export interface ScanView {
  id: string;
  status: ScanStatus;
  source: 'path' | 'upload';
  name: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  note: string | null;
  attempts: number;
  progress: { filesDone: number; totalFiles: number | null; bytesDone: number; totalBytes: number | null };
  durationMs: number | null;
  complete: boolean | null;
  worstSeverity: Severity | null;
  summary: ScanSummary | null;
  links: { self: string; events: string; report: string };
}

/** The API view of a stored scan (no server paths, no token names). */
export function toView(scan: ScanRecord): ScanView {
  const self = `/v1/scans/${scan.id}`;
  return {
    id: scan.id,
    status: scan.status,
    source: scan.source,
    name: scan.name,
    createdAt: scan.createdAt,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    error: scan.error,
    note: scan.note,
    attempts: scan.attempts,
    progress: { filesDone: scan.filesDone, totalFiles: scan.totalFiles, bytesDone: scan.bytesDone, totalBytes: scan.totalBytes },
    durationMs: scan.durationMs,
    complete: scan.complete,
    worstSeverity: scan.worstSeverity,
    summary: scan.summary,
    links: { self, events: `${self}/events`, report: `${self}/report` },
  };
}
