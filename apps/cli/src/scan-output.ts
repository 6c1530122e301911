import { createWriteStream, type WriteStream } from 'node:fs';
import type { formatNdjsonEvent as FormatNdjsonEvent } from '@modelgate/formatters';
import { isAtLeast, type ReportFinding, type Severity } from '@modelgate/plugin-api';

/** Where the report goes: stdout, or a file given with `--output`. */
export interface ReportSink {
  write(text: string): void;
  /** Flushes and closes a file; stdout stays open. */
  close(): Promise<void>;
}

/** Opens the report destination. A file is created (truncated) now, so a bad path fails before the scan ends. */
export async function openSink(output: string | undefined): Promise<ReportSink> {
  if (output === undefined) {
    return { write: (text) => void process.stdout.write(text), close: async () => undefined };
  }
  const stream: WriteStream = createWriteStream(output);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return {
    write: (text) => void stream.write(text),
    close: () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Streams engine events as NDJSON lines, except `run-end` (the CLI writes that last, with the
 * report after suppressions). Findings below `severity` are left out of `file` events.
 */
export function ndjsonWriter(sink: ReportSink, severity: Severity | undefined, formatNdjsonEvent: typeof FormatNdjsonEvent): (event: { type: string }) => void {
  return (event) => {
    if (event.type === 'run-end') return;
    let out = event as { type: string; findings?: ReportFinding[] };
    if (severity !== undefined && Array.isArray(out.findings)) {
      out = { ...out, findings: out.findings.filter((f) => isAtLeast(f.severity, severity)) };
    }
    sink.write(formatNdjsonEvent(out as { type: string; [key: string]: unknown }));
  };
}
