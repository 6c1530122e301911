/** One schema change. Applied in order, each in its own transaction; `PRAGMA user_version` records the last. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every schema change, oldest first. Never edit a released one: append a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'scans and their reports',
    sql: `
      CREATE TABLE scans (
        id             TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL UNIQUE,
        status         TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        source         TEXT NOT NULL CHECK (source IN ('path', 'upload')),
        name           TEXT NOT NULL,
        target         TEXT NOT NULL,
        upload_dir     TEXT,
        token_name     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        started_at     TEXT,
        finished_at    TEXT,
        error          TEXT,
        note           TEXT,
        attempts       INTEGER NOT NULL DEFAULT 0,
        files_done     INTEGER NOT NULL DEFAULT 0,
        total_files    INTEGER,
        bytes_done     INTEGER NOT NULL DEFAULT 0,
        total_bytes    INTEGER,
        duration_ms    INTEGER,
        complete       INTEGER,
        worst_severity TEXT,
        summary        TEXT
      );
      CREATE INDEX scans_by_status ON scans (status, seq);
      CREATE TABLE reports (
        scan_id TEXT PRIMARY KEY REFERENCES scans (id) ON DELETE CASCADE,
        report  TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'monotonic counters for /metrics (survive restarts and deleted scans)',
    sql: `
      CREATE TABLE counters (
        name   TEXT NOT NULL,
        labels TEXT NOT NULL DEFAULT '',
        value  REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (name, labels)
      );
    `,
  },
];
