import { describe, expect, it } from 'vitest';
import type { Report } from '@modelgate/plugin-api';
import { formatJson } from '../src/index.js';
import { toJsonValue } from '../src/canonical.js';
import { makeReport, richReport } from './factory.js';

/** Rebuilds every plain object with its keys in reverse order. */
function scramble<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => scramble(v)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, scramble(v)])) as T;
  }
  return value;
}

describe('formatJson', () => {
  it('writes 2-space JSON with a trailing newline', () => {
    const report = makeReport();
    const text = formatJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('orders keys as the Report type declares them, whatever the input order', () => {
    const report = richReport();
    const text = formatJson(report);
    expect(formatJson(scramble(report))).toBe(text);
    const parsed = JSON.parse(text) as Report;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'run', 'rules', 'files', 'findings', 'errors', 'inventory', 'summary']);
    expect(Object.keys(parsed.run)).toEqual(['startedAt', 'durationMs', 'targets', 'root', 'complete']);
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual([
      'ruleId',
      'severity',
      'message',
      'messageId',
      'plugin',
      'location',
      'evidence',
      'fingerprint',
    ]);
    expect(Object.keys(parsed.findings[0]?.location ?? {})).toEqual(['path', 'byteOffset', 'logical']);
    expect(Object.keys(parsed.summary.bySeverity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(Object.keys(parsed.errors[1] ?? {})).toEqual(['path', 'member', 'code', 'message']);
  });

  it('keeps array order and all data', () => {
    const report = richReport();
    const parsed = JSON.parse(formatJson(report)) as Report;
    expect(parsed.findings.map((f) => f.fingerprint)).toEqual(report.findings.map((f) => f.fingerprint));
    expect(parsed.findings[6]?.location.path).toBe(report.findings[6]?.location.path);
    expect(parsed.findings[7]?.suppressed).toEqual({ reason: 'vetted internal model', source: '.modelgate.yml' });
  });

  it('makes evidence JSON-safe and sorted', () => {
    const parsed = JSON.parse(formatJson(richReport())) as Report;
    expect(parsed.findings[0]?.evidence).toEqual({
      big: '12345678901234567890',
      module: 'os',
      name: 'system',
      nested: { a: [1, 2], z: 1 },
    });
    expect(Object.keys(parsed.findings[0]?.evidence ?? {})).toEqual(['big', 'module', 'name', 'nested']);
  });

  it('appends unknown keys after the declared ones, sorted', () => {
    const report = { ...makeReport(), zeta: 1, alpha: 2 } as unknown as Report;
    expect(Object.keys(JSON.parse(formatJson(report)) as object).slice(-2)).toEqual(['alpha', 'zeta']);
  });

  it('converts awkward values like JSON.stringify would, without throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(toJsonValue(cyclic)).toEqual({ a: 1, self: '[Circular]' });
    expect(toJsonValue({ n: Number.NaN, u: undefined, f: () => 1, d: new Date(0), b: new Uint8Array([1, 2]) })).toEqual({
      b: [1, 2],
      d: '1970-01-01T00:00:00.000Z',
      n: null,
    });
    expect(toJsonValue([undefined, 1])).toEqual([null, 1]);
    const shared = { x: 1 };
    expect(toJsonValue({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('is deterministic', () => {
    expect(formatJson(richReport())).toBe(formatJson(richReport()));
  });
});
