import { describe, expect, it } from 'vitest';
import { formatJson, formatNdjson, formatNdjsonEvent } from '../src/index.js';
import { richReport } from './factory.js';

describe('NDJSON', () => {
  it('writes one event per line, type first, fingerprints only once known', () => {
    const report = richReport();
    const file = { type: 'file', path: 'model.pkl', entries: report.files.slice(0, 1), findings: [{ ...report.findings[0]!, fingerprint: '' }], errors: [] };
    const line = formatNdjsonEvent(file);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)[0]).toBe('type');
    expect(parsed.findings[0].fingerprint).toBeUndefined();
    expect(parsed.findings[0].evidence.big).toBe('12345678901234567890');
    expect(JSON.parse(formatNdjsonEvent({ type: 'progress', filesDone: 1, totalFiles: 2, bytesDone: 3, totalBytes: 4, elapsedMs: 5 }))).toEqual({
      type: 'progress', bytesDone: 3, elapsedMs: 5, filesDone: 1, totalBytes: 4, totalFiles: 2,
    });
  });

  it('ends with the run-end report, in the JSON key order', () => {
    const report = richReport();
    const line = formatNdjson(report);
    expect(line.split('\n')).toHaveLength(2);
    const parsed = JSON.parse(line);
    expect(parsed.type).toBe('run-end');
    expect(JSON.stringify(parsed.report, null, 2) + '\n').toBe(formatJson(report));
  });

  it('keeps hostile names on one line', () => {
    const line = formatNdjsonEvent({ type: 'file', path: 'a\nb\u2028c\r', entries: [], findings: [], errors: [] });
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line).path).toBe('a\nb\u2028c\r');
  });
});
