import type { Report, Severity } from '@modelgate/plugin-api';
import type { Db } from '../db/database.js';
import { SCAN_STATUSES, type ScanRecord, type ScanStatus, type ScanSummary } from './scan-record.js';

interface Row {
  id: string;
  status: ScanStatus;
  source: 'path' | 'upload';
  name: string;
  target: string;
  upload_dir: string | null;
  token_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
  note: string | null;
  attempts: number;
  files_done: number;
  total_files: number | null;
  bytes_done: number;
  total_bytes: number | null;
  duration_ms: number | null;
  complete: number | null;
  worst_severity: Severity | null;
  summary: string | null;
}

function fromRow(row: Row): ScanRecord {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    name: row.name,
    target: row.target,
    uploadDir: row.upload_dir,
    tokenName: row.token_name,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    note: row.note,
    attempts: row.attempts,
    filesDone: row.files_done,
    totalFiles: row.total_files,
    bytesDone: row.bytes_done,
    totalBytes: row.total_bytes,
    durationMs: row.duration_ms,
    complete: row.complete === null ? null : row.complete === 1,
    worstSeverity: row.worst_severity,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as ScanSummary),
  };
}

/** A new scan, as `POST /v1/scans` creates it. */
export interface NewScan {
  id: string;
  source: 'path' | 'upload';
  name: string;
  target: string;
  uploadDir: string | null;
  tokenName: string;
}

/** How a scan ended. */
export interface ScanOutcome {
  status: 'done' | 'failed' | 'cancelled';
  error?: string;
  report?: Report;
  summary?: ScanSummary;
  worst?: Severity | null;
}

/** Every read and write of scans and reports: prepared statements over one database. */
export class ScanStore {
  constructor(private readonly db: Db) {}

  /** Inserts a queued scan. */
  insert(scan: NewScan): ScanRecord {
    this.db
      .prepare(
        `INSERT INTO scans (id, seq, status, source, name, target, upload_dir, token_name, created_at)
         VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM scans), 'queued', @source, @name, @target, @uploadDir, @tokenName, @createdAt)`,
      )
      .run({ ...scan, createdAt: new Date().toISOString() });
    return this.get(scan.id)!;
  }

  get(id: string): ScanRecord | undefined {
    const row = this.db.prepare('SELECT * FROM scans WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  /** Newest first. */
  list(options: { status?: ScanStatus; limit: number; offset: number }): { scans: ScanRecord[]; total: number } {
    const where = options.status ? 'WHERE status = @status' : '';
    const params = { status: options.status, limit: options.limit, offset: options.offset };
    const rows = this.db.prepare(`SELECT * FROM scans ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all(params) as Row[];
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM scans ${where}`).get(params) as { total: number };
    return { scans: rows.map(fromRow), total };
  }

  /** Scans in a status, oldest first. */
  withStatus(status: ScanStatus): ScanRecord[] {
    return (this.db.prepare('SELECT * FROM scans WHERE status = ? ORDER BY seq').all(status) as Row[]).map(fromRow);
  }

  countByStatus(): Record<ScanStatus, number> {
    const counts = Object.fromEntries(SCAN_STATUSES.map((s) => [s, 0])) as Record<ScanStatus, number>;
    for (const row of this.db.prepare('SELECT status, COUNT(*) AS n FROM scans GROUP BY status').all() as { status: ScanStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  /** Marks a scan running and counts the attempt. */
  markRunning(id: string): void {
    this.db
      .prepare(`UPDATE scans SET status = 'running', started_at = ?, attempts = attempts + 1, files_done = 0, bytes_done = 0 WHERE id = ?`)
      .run(new Date().toISOString(), id);
  }

  /** Puts a scan back in the queue (shutdown or recovery); `uncount` forgets the interrupted attempt. */
  requeue(id: string, note: string, uncount: boolean): void {
    this.db
      .prepare(`UPDATE scans SET status = 'queued', note = ?, attempts = attempts - ? WHERE id = ?`)
      .run(note, uncount ? 1 : 0, id);
  }

  setTotals(id: string, totalFiles: number, totalBytes: number): void {
    this.db.prepare('UPDATE scans SET total_files = ?, total_bytes = ? WHERE id = ?').run(totalFiles, totalBytes, id);
  }

  setProgress(id: string, filesDone: number, bytesDone: number): void {
    this.db.prepare('UPDATE scans SET files_done = ?, bytes_done = ? WHERE id = ?').run(filesDone, bytesDone, id);
  }

  /** Records how a scan ended, its report and counters, in one transaction. */
  finish(id: string, outcome: ScanOutcome, counters: (report: Report) => void = () => {}): void {
    const report = outcome.report;
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE scans SET status = @status, finished_at = @finishedAt, error = @error, duration_ms = @durationMs,
             complete = @complete, worst_severity = @worst, summary = @summary WHERE id = @id`,
        )
        .run({
          id,
          status: outcome.status,
          finishedAt: new Date().toISOString(),
          error: outcome.error ?? null,
          durationMs: report?.run.durationMs ?? null,
          complete: report ? (report.run.complete ? 1 : 0) : null,
          worst: outcome.worst ?? null,
          summary: outcome.summary ? JSON.stringify(outcome.summary) : null,
        });
      if (report) {
        this.db.prepare('INSERT OR REPLACE INTO reports (scan_id, report) VALUES (?, ?)').run(id, JSON.stringify(report));
        counters(report);
      }
    })();
  }

  /** The stored report JSON text, if the scan has one. */
  reportText(id: string): string | undefined {
    return (this.db.prepare('SELECT report FROM reports WHERE scan_id = ?').get(id) as { report: string } | undefined)?.report;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM scans WHERE id = ?').run(id).changes > 0;
  }
}
