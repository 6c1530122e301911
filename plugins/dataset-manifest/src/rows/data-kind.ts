/** Tabular data formats whose rows the plugin counts. */
export type DataKind = 'csv' | 'tsv' | 'jsonl' | 'parquet';

/** The data format a file name says (case-insensitive extension), or undefined. */
export function dataKind(path: string): DataKind | undefined {
  const match = /\.(csv|tsv|tab|jsonl|ndjson|parquet|pq)$/i.exec(path);
  if (!match) return undefined;
  const ext = match[1]!.toLowerCase();
  if (ext === 'tab') return 'tsv';
  if (ext === 'ndjson') return 'jsonl';
  if (ext === 'pq') return 'parquet';
  return ext as DataKind;
}
