import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  formatCycloneDx,
  formatHtml,
  formatJson,
  formatNdjson,
  formatReport,
  formatSarif,
  formatTable,
  isOutputFormat,
} from '../src/index.js';
import { richReport } from './factory.js';

describe('formatReport', () => {
  it('lists the formats, table first', () => {
    expect(FORMATS).toEqual(['table', 'json', 'sarif', 'cyclonedx', 'html', 'ndjson']);
    expect(isOutputFormat('cyclonedx')).toBe(true);
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

  it('dispatches the new formats', () => {
    const report = richReport();
    expect(formatReport(report, 'cyclonedx')).toBe(formatCycloneDx(report));
    expect(formatReport(report, 'html', { title: 'T' })).toBe(formatHtml(report, { title: 'T' }));
    expect(formatReport(report, 'ndjson')).toBe(formatNdjson(report));
  });

  it('applies the severity filter to what every format shows, with a notice', () => {
    const report = richReport();
    const json = JSON.parse(formatReport(report, 'json', { severity: 'critical' }));
    expect(json.findings.map((f: { severity: string }) => f.severity)).toEqual(['critical', 'critical', 'critical']);
    expect(json.summary).toEqual(JSON.parse(formatJson(report)).summary);
    expect(json.notices).toEqual([{ level: 'info', code: 'FINDINGS_FILTERED', message: expect.stringMatching(/^6 findings below critical not shown/u) }]);
    const sarif = JSON.parse(formatReport(report, 'sarif', { severity: 'high' }));
    expect(sarif.runs[0].results).toHaveLength(5);
    expect(formatReport(report, 'html', { severity: 'critical' })).not.toContain('meta/license');
    expect(formatReport(report, 'cyclonedx', { severity: 'critical' })).toBe(formatCycloneDx(report));
    expect(formatReport(report, 'json', { severity: 'info' })).toBe(formatJson(report));
  });

  it('rejects an unknown format at run time', () => {
    expect(() => formatReport(richReport(), 'xml' as never)).toThrow(/Unknown output format/u);
  });
});
