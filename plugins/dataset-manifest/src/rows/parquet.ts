import type { FileHandle } from '@modelgate/plugin-api';
import type { AsyncBuffer } from 'hyparquet';

/** What a Parquet footer says. */
export interface ParquetFacts {
  rows: number;
  /** Min and max of `column` over all row groups, when every row group has statistics. */
  range?: { min: unknown; max: unknown };
}

/**
 * Reads only the footer of a Parquet file (the last 8 bytes, then the thrift metadata, at most
 * `maxFooterBytes`) through hyparquet: the row count, and the statistics of `column`.
 */
export async function readParquetFooter(file: FileHandle, options: { column?: string; maxFooterBytes: number }): Promise<ParquetFacts> {
  if (file.size < 12) throw new Error('too small to be Parquet');
  const tail = await file.read(file.size - 8, 8);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  if (view.getUint32(4, true) !== 0x31524150) throw new Error('no PAR1 magic at the end');
  const length = view.getUint32(0, true);
  if (length + 8 > file.size) throw new Error(`footer length ${length} exceeds the file`);
  if (length > options.maxFooterBytes) throw new Error(`footer of ${length} bytes is over the ${options.maxFooterBytes}-byte limit`);
  const buffer: AsyncBuffer = {
    byteLength: file.size,
    async slice(start: number, end?: number) {
      const stop = end ?? file.size;
      const bytes = await file.read(start, stop - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  // Loaded here, on the first Parquet footer: most scans have none, and hyparquet is a sizeable read.
  const { parquetMetadataAsync } = await import('hyparquet');
  const metadata = await parquetMetadataAsync(buffer, { initialFetchSize: length + 8 });
  const rows = Number(metadata.num_rows);
  if (options.column === undefined) return { rows };
  let min: unknown;
  let max: unknown;
  for (const group of metadata.row_groups) {
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === options.column);
    const stats = chunk?.meta_data?.statistics;
    const lo = stats?.min_value ?? stats?.min;
    const hi = stats?.max_value ?? stats?.max;
    if (lo === undefined || hi === undefined) return { rows };
    if (min === undefined || compare(lo, min) < 0) min = lo;
    if (max === undefined || compare(hi, max) > 0) max = hi;
  }
  return min === undefined ? { rows } : { rows, range: { min, max } };
}

function compare(a: unknown, b: unknown): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}
