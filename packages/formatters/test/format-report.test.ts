import { describe, expect, it } from 'vitest';
import { FORMATS, formatJson, formatReport, formatSarif, formatTable, isOutputFormat } from '../src/index.js';
import { richReport } from './factory.js';

describe('formatReport', () => {
  it('lists the formats, table first', () => {
    expect(FORMATS).toEqual(['table', 'json', 'sarif']);
    expect(isOutputFormat('sarif')).toBe(true);
    expect(isOutputFormat('xml')).toBe(false);
    expect(isOutputFormat(undefined)).toBe(false);
  });

  it('dispatches to each formatter with its options', () => {
    const report = richReport();
    expect(formatReport(report, 'json')).toBe(formatJson(report));
    expect(formatReport(report, 'sarif', { includeRoot: true })).toBe(formatSarif(report, { includeRoot: true }));
    expect(formatReport(report, 'table', { severity: 'high', color: true, width: 80 })).toBe(
      formatTable(report, { severity: 'high', color: true, width: 80 }),
    );
  });

  it('applies the severity filter to the table only', () => {
    const report = richReport();
    expect(formatReport(report, 'sarif', { severity: 'critical' })).toBe(formatSarif(report));
    expect(formatReport(report, 'json', { severity: 'critical' })).toBe(formatJson(report));
  });

  it('rejects an unknown format at run time', () => {
    expect(() => formatReport(richReport(), 'xml' as never)).toThrow(/Unknown output format/u);
  });
});
