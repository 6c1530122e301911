import type { FileHandle } from '@modelgate/plugin-api';
import type { DataKind } from './data-kind.js';
import { DateTally, type DateBounds } from './dates.js';
import { countDelimited } from './delimited.js';
import { countJsonLines } from './jsonl.js';
import { readParquetFooter } from './parquet.js';

/** Limits and choices of one measurement. */
export interface MeasureOptions {
  /** CSV/TSV: the first record is a header. */
  header: boolean;
  /** Date column to check against `bounds`. */
  column?: string;
  bounds?: DateBounds;
  /** CSV, TSV and JSON Lines larger than this are not streamed. */
  maxDataBytes: number;
  maxFooterBytes: number;
  signal?: AbortSignal;
}

/** Rows of one data file, and the date tally when a column was checked. */
export type Measurement =
  | { ok: true; rows: number; dates?: DateTally; columnMissing?: boolean }
  | { ok: false; reason: string };

const STREAM_CHUNK = 1 << 20;

/**
 * Counts the rows of a CSV, TSV, JSON Lines or Parquet file: text formats are streamed once
 * (bounded by `maxDataBytes`), Parquet reads only its footer.
 */
export async function measureData(file: FileHandle, kind: DataKind, options: MeasureOptions): Promise<Measurement> {
  const tally = options.column !== undefined && options.bounds ? new DateTally(options.bounds) : undefined;
  try {
    if (kind === 'parquet') {
      const facts = await readParquetFooter(file, { maxFooterBytes: options.maxFooterBytes, ...(tally && { column: options.column }) });
      if (tally && facts.range) {
        tally.add(facts.range.min);
        tally.add(facts.range.max);
      }
      return { ok: true, rows: facts.rows, ...(tally && facts.range && { dates: tally }) };
    }
    if (file.size > options.maxDataBytes) return { ok: false, reason: `${file.size} bytes is over the ${options.maxDataBytes}-byte limit for counting rows` };
    const chunks = chunked(file);
    if (kind === 'jsonl') {
      const rows = await countJsonLines(chunks, { ...(tally && { column: options.column, onValue: (v) => tally.add(v) }), ...(options.signal && { signal: options.signal }) });
      return { ok: true, rows, ...(tally && { dates: tally }) };
    }
    const counted = await countDelimited(chunks, {
      delimiter: kind === 'tsv' ? 0x09 : 0x2c,
      header: options.header,
      ...(tally && { column: options.column, onValue: (v: string) => tally.add(v) }),
      ...(options.signal && { signal: options.signal }),
    });
    const columnMissing = tally !== undefined && options.header && !counted.columns.includes(options.column!);
    return { ok: true, rows: counted.rows, ...(tally && !columnMissing && { dates: tally }), ...(columnMissing && { columnMissing }) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The file in 1 MiB reads. */
async function* chunked(file: FileHandle): AsyncIterable<Uint8Array> {
  for (let at = 0; at < file.size; at += STREAM_CHUNK) {
    const bytes = await file.read(at, Math.min(STREAM_CHUNK, file.size - at));
    if (bytes.length === 0) return;
    yield bytes;
  }
}
