import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { countDelimited } from '../src/rows/delimited.js';
import { countJsonLines } from '../src/rows/jsonl.js';
import { dir, ids, scan, sha, yamlEntry } from './helpers.js';

async function* chunks(text: string, size = 3): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function parquet(rows: number, dates?: Date[]): Uint8Array {
  const columnData = [{ name: 'id', data: Array.from({ length: rows }, (_, i) => i), type: 'INT32' as const }];
  if (dates) columnData.push({ name: 'day', data: dates as never, type: 'TIMESTAMP' as never });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 2 }));
}

describe('row counting', () => {
  it.each([
    ['a,b\n1,2\n3,4\n', 2],
    ['a,b\r\n1,2\r\n3,4', 2],
    ['a,b\r1,2\r3,4\r', 2],
    ['a,b\n"multi\nline",2\n"quoted ""x"", with comma",4\n', 2],
    ['a,b\n\n1,2\n\n', 1],
    ['a,b\n', 0],
    ['', 0],
  ])('counts CSV records as RFC 4180 readers do (%j)', async (text, rows) => {
    expect((await countDelimited(chunks(text), { delimiter: 0x2c, header: true })).rows).toBe(rows);
  });

  it('hands the values of a named column to the caller, across chunk boundaries', async () => {
    const values: string[] = [];
    const result = await countDelimited(chunks('\ufeffid,"day"\n1,"2024-01-01"\n2,2024-03-01\n'), { delimiter: 0x2c, header: true, column: 'day', onValue: (v) => values.push(v) });
    expect(result).toEqual({ rows: 2, columns: ['id', 'day'] });
    expect(values).toEqual(['2024-01-01', '2024-03-01']);
  });

  it('counts non-blank JSON Lines and reads a key', async () => {
    const values: unknown[] = [];
    expect(await countJsonLines(chunks('{"d":"2024-01-01"}\n\n  \n{"d":"x"}\n{"e":1}'), { column: 'd', onValue: (v) => values.push(v) })).toBe(3);
    expect(values).toEqual(['2024-01-01', 'x', undefined]);
  });
});

describe('row-count-mismatch and date-out-of-range', () => {
  const CSV = 'id,day\n1,2024-01-05\n2,2024-02-10\n3,2025-06-01\n';
  const TSV = 'id\tday\n1\t2024-01-01\n';
  const JSONL = '{"day":"2024-01-02"}\n{"day":"2023-12-31T23:00:00Z"}\n';

  it('checks per-file row_count on CSV, TSV, JSON Lines and Parquet', async () => {
    const pq = parquet(5);
    const m = `files:\n${[
      yamlEntry('a.csv', { sha256: sha(CSV), row_count: 3 }),
      yamlEntry('b.tsv', { sha256: sha(TSV), rows: 2 }),
      yamlEntry('c.jsonl', { sha256: sha(JSONL), row_count: 2 }),
      yamlEntry('d.parquet', { sha256: sha(pq), num_rows: 4 }),
    ].join('\n')}\n`;
    const d = dir({ 'MANIFEST.yaml': m, 'a.csv': CSV, 'b.tsv': TSV, 'c.jsonl': JSONL, 'd.parquet': pq });
    const run = await scan(d);
    expect(ids(run)).toEqual(['row-count-mismatch/file', 'row-count-mismatch/file']);
    expect(run.findings.map((f) => [f.path, f.severity, f.data])).toEqual([
      ['b.tsv', 'medium', { file: 'b.tsv', document: 'MANIFEST.yaml', actual: 1, declared: 2 }],
      ['d.parquet', 'medium', { file: 'd.parquet', document: 'MANIFEST.yaml', actual: 5, declared: 4 }],
    ]);
    const file = d.file('d.parquet');
    expect(file.bytesRead).toBeLessThan(file.size);
  });

  it('checks validation.row_count over the listed data files', async () => {
    const m = `validation:\n  row_count: 6\nfiles:\n${[yamlEntry('a.csv', { sha256: sha(CSV) }), yamlEntry('c.jsonl', { sha256: sha(JSONL) })].join('\n')}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': CSV, 'c.jsonl': JSONL }));
    expect(ids(run)).toEqual(['row-count-mismatch/total']);
    expect(run.findings[0]).toMatchObject({ path: 'MANIFEST.yaml', location: { line: 2 }, data: { actual: 5, declared: 6 } });
  });

  it('counts every data file below the manifest when it lists none', async () => {
    const run = await scan(dir({ 'ds/MANIFEST.yaml': 'validation:\n  row_count: 5\n', 'ds/a.csv': CSV, 'ds/sub/c.jsonl': JSONL, 'other.csv': CSV }));
    expect(ids(run)).toEqual([]);
  });

  it('reports dates outside the declared range when a date column is named (low)', async () => {
    const m = `validation:\n  date_range: {start: 2024-01-01, end: 2024-12-31}\n  date_column: day\nfiles:\n${[yamlEntry('a.csv', { sha256: sha(CSV) }), yamlEntry('b.tsv', { sha256: sha(TSV) }), yamlEntry('c.jsonl', { sha256: sha(JSONL) })].join('\n')}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': CSV, 'b.tsv': TSV, 'c.jsonl': JSONL }));
    expect(ids(run)).toEqual(['date-out-of-range/outside', 'date-out-of-range/outside']);
    expect(run.findings.map((f) => [f.path, f.severity, f.data!.count, f.data!.min, f.data!.max])).toEqual([
      ['a.csv', 'low', 1, '2024-01-05', '2025-06-01'],
      ['c.jsonl', 'low', 1, '2023-12-31T23:00:00Z', '2024-01-02'],
    ]);
  });

  it('checks Parquet date ranges from the footer statistics', async () => {
    const pq = parquet(3, [new Date('2024-01-01'), new Date('2024-05-01'), new Date('2026-01-01')]);
    const m = `validation:\n  date_range: [2024-01-01, 2024-12-31]\n  date_column: day\n  row_count: 3\nfiles:\n${yamlEntry('d.parquet', { sha256: sha(pq) })}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'd.parquet': pq }));
    expect(ids(run)).toEqual(['date-out-of-range/outside']);
    expect(run.findings[0]!.data).toMatchObject({ max: '2026-01-01T00:00:00.000Z' });
  });

  it('does not check dates without a named column', async () => {
    const m = `validation:\n  date_range: [2030-01-01, 2030-12-31]\nfiles:\n${yamlEntry('a.csv', { sha256: sha(CSV) })}\n`;
    expect(ids(await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': CSV })))).toEqual([]);
  });

  it('does not stream data over maxDataBytes: the scan is incomplete instead', async () => {
    const m = `files:\n${yamlEntry('a.csv', { sha256: sha(CSV), row_count: 3 })}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': CSV }), { maxDataBytes: 10 });
    expect(ids(run)).toEqual([]);
    expect(run.errors.map((e) => e.code)).toEqual(['ROWS_NOT_COUNTED']);
  });

  it('reports a Parquet file whose footer is broken as not counted', async () => {
    const m = `files:\n${yamlEntry('d.parquet', { sha256: sha('nope-not-parquet'), row_count: 3 })}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'd.parquet': 'nope-not-parquet' }));
    expect(run.errors).toEqual([{ code: 'ROWS_NOT_COUNTED', message: expect.stringContaining('no PAR1 magic') }]);
  });
});
