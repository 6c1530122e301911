import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { ReportFinding, Severity } from '@modelgate/plugin-api';
import { GITHUB_MAX_RESULTS, TRUNCATED_NOTIFICATION_ID, formatSarif, toSarif } from '../src/index.js';
import { finding, makeReport, rule } from './factory.js';

const addFormats = formatsModule.default;
const schema = JSON.parse(readFileSync(new URL('../../../../shared/data/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
delete schema['$schema'];
delete schema['id'];
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Incompressible text: chained sha256 digests in hex. */
function noise(seed: number, length: number): string {
  let out = '';
  let digest = String(seed);
  while (out.length < length) {
    digest = createHash('sha256').update(digest).digest('hex');
    out += digest;
  }
  return out.slice(0, length);
}

/** A synthetic report: `count` findings cycling through the severities, every 7th suppressed. */
function bigReport(count: number, evidenceBytes = 0) {
  const findings: ReportFinding[] = [];
  for (let i = 0; i < count; i++) {
    const severity = ORDER[i % ORDER.length]!;
    findings.push(
      finding(`x/${severity}`, severity, { path: `dir/file-${String(i).padStart(6, '0')}.bin`, byteOffset: i }, {
        ...(i % 7 === 0 && { suppressed: { reason: 'accepted', source: 'ignore-file' } }),
        ...(evidenceBytes > 0 && { evidence: { blob: noise(i, evidenceBytes) } }),
      }),
    );
  }
  return makeReport({ rules: ORDER.map((s) => rule(`x/${s}`, s)), findings });
}

function notificationsOf(log: Log) {
  return log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
}

describe('SARIF upload limits', () => {
  it('leaves a log under the limits alone', () => {
    const log = toSarif(bigReport(50));
    expect(log.runs[0]?.results).toHaveLength(50);
    expect(notificationsOf(log)).toEqual([]);
    expect(log.runs[0]?.properties?.['truncated']).toBeUndefined();
  });

  it('keeps GitHub’s 5,000 results per run by default: unsuppressed first, most severe first, and says so', () => {
    const report = bigReport(12_000);
    const log = JSON.parse(formatSarif(report)) as Log;
    expect(validate(log)).toBe(true);
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(GITHUB_MAX_RESULTS);
    const active = report.findings.filter((f) => f.suppressed === undefined);
    const count = (s: Severity) => active.filter((f) => f.severity === s).length;
    // critical and high fit entirely (about 2 × 2,057), the rest is medium; nothing suppressed or below medium
    expect(results.filter((r) => r.properties?.['severity'] === 'critical')).toHaveLength(count('critical'));
    expect(results.filter((r) => r.properties?.['severity'] === 'high')).toHaveLength(count('high'));
    expect(results.filter((r) => r.properties?.['severity'] === 'low' || r.suppressions)).toHaveLength(0);
    // report order is kept among the kept results
    const paths = results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect([...paths].sort()).toEqual(paths);
    const [note] = notificationsOf(log);
    expect(note).toMatchObject({ level: 'warning', descriptor: { id: TRUNCATED_NOTIFICATION_ID }, properties: { total: 12_000, kept: 5_000 } });
    expect(note?.message.text).toMatch(/limited to 5000 of 12000 results \(GitHub code scanning stores at most 5000 results per run\)/u);
    expect(log.runs[0]?.properties?.['truncated']).toEqual({ total: 12_000, kept: 5_000 });
  });

  it('drops the least severe results until the gzip-compressed file fits', () => {
    const report = bigReport(400, 4000);
    const maxGzipBytes = 200_000;
    const text = formatSarif(report, { limits: { maxGzipBytes } });
    expect(gzipSync(text).length).toBeLessThanOrEqual(maxGzipBytes);
    const log = JSON.parse(text) as Log;
    expect(validate(log)).toBe(true);
    const kept = log.runs[0]?.results ?? [];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(400);
    const worstDropped = Math.min(
      ...report.findings
        .filter((f) => !kept.some((r) => r.partialFingerprints?.['modelgateFingerprint/v1'] === f.fingerprint))
        .map((f) => (f.suppressed ? 99 : ORDER.length - ORDER.indexOf(f.severity))),
    );
    const bestKeptRank = Math.max(...kept.map((r) => (r.suppressions ? 99 : ORDER.length - ORDER.indexOf(r.properties?.['severity'] as Severity))));
    expect(bestKeptRank).toBeLessThanOrEqual(worstDropped);
    expect(notificationsOf(log)[0]?.message.text).toMatch(/accepts files up to 200000 bytes gzip-compressed/u);
    // One more result would not have fitted.
    expect(gzipSync(formatSarif(report, { limits: { maxGzipBytes: 0, maxResults: kept.length + 1 } })).length).toBeGreaterThan(maxGzipBytes);
  });

  it('can be switched off', () => {
    expect(toSarif(bigReport(6_000), { limits: { maxResults: 0, maxGzipBytes: 0 } }).runs[0]?.results).toHaveLength(6_000);
  });
});
