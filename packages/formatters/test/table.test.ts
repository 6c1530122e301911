import { describe, expect, it } from 'vitest';
import { formatTable } from '../src/index.js';
import { displayWidth } from '../src/text-width.js';
import { HOSTILE_NAME, finding, makeReport, richReport, rule } from './factory.js';

/** SGR colour sequences, the only escapes the table may emit (and only with colour on). */
const SGR = /\u001b\[[0-9;]*m/gu;
/** Anything that could control a terminal or break a row once colours are removed. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f]/u;

function rowsOf(text: string): string[] {
  return text.split('\n');
}

describe('formatTable', () => {
  it('never lets a hostile file name or message reach the terminal raw', () => {
    for (const color of [false, true]) {
      const text = formatTable(richReport(), { color, width: 100 }).replace(SGR, '');
      expect(text).not.toMatch(CONTROL);
      expect(text).not.toContain('\t');
      expect(text).not.toContain('\r');
      // The embedded newline did not start a row of its own.
      for (const line of rowsOf(text)) expect(line.trimStart().startsWith('fake row')).toBe(false);
    }
    const text = formatTable(richReport(), { width: 200 });
    expect(text).toContain('"evil\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\r\\nfake row\\t\\u{202e}txt.pkl"');
    expect(text).toContain('Imports \\x1b[31mcolour\\x1b[0m and\\nnewline');
    expect(text).toContain('permission denied \\x1b[31mred');
  });

  it('quotes names with spaces and keeps printable unicode', () => {
    const text = formatTable(richReport(), { width: 200 });
    expect(text).toContain('"dir with space/mödel ünïcode 模型.pkl"@0');
    expect(text).toContain('100%#?.bin');
  });

  it('shows archive members as path!/member', () => {
    const text = formatTable(richReport(), { width: 200 });
    expect(text).toContain('bundle.zip!/nested.tar!/weights.pkl@7');
    expect(text).toContain('bundle.zip!/nested.tar!/huge.bin');
  });

  it('sorts worst first and aligns columns', () => {
    const report = makeReport({
      rules: [rule('a/low', 'low'), rule('b/crit', 'critical'), rule('c/med', 'medium')],
      findings: [
        finding('a/low', 'low', { path: 'z.bin', line: 9 }),
        finding('c/med', 'medium', { path: 'a-much-longer-name.bin' }),
        finding('b/crit', 'critical', { path: 'm.pkl', byteOffset: 12 }),
      ],
    });
    const lines = rowsOf(formatTable(report, { width: 120 }));
    const header = lines.find((l) => l.includes('SEVERITY')) ?? '';
    const body = lines.slice(lines.indexOf(header) + 1, lines.indexOf(header) + 4);
    expect(body.map((l) => l.trim().split(/\s+/u)[0])).toEqual(['critical', 'medium', 'low']);
    for (const column of ['RULE', 'LOCATION', 'MESSAGE']) {
      const at = header.indexOf(column);
      for (const line of body) {
        expect(line[at - 1]).toBe(' ');
        expect(line[at]).not.toBe(' ');
      }
    }
    expect(body[0]).toContain('m.pkl@12');
    expect(body[2]).toContain('z.bin:9');
  });

  it('fits and wraps long cells to the width', () => {
    const long = 'word '.repeat(60).trim();
    const report = makeReport({
      rules: [rule('a/b', 'high')],
      findings: [finding('a/b', 'high', { path: `${'deep/'.repeat(20)}file.bin` }, { message: long })],
    });
    for (const width of [60, 80, 100]) {
      const text = formatTable(report, { width });
      for (const line of rowsOf(text)) {
        if (line.startsWith('Findings:')) continue;
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
      expect(text.replace(/\s+/gu, ' ')).toContain('word word');
      expect(text.match(/word/gu)).toHaveLength(60);
    }
    const wide = formatTable(richReport(), { width: 20 });
    for (const line of rowsOf(wide)) {
      if (line.startsWith('Findings:')) continue;
      expect(displayWidth(line)).toBeLessThanOrEqual(60);
    }
  });

  it('filters by severity but still counts everything in the summary', () => {
    const text = formatTable(richReport(), { severity: 'high', width: 200 });
    expect(text).toContain('critical');
    expect(text).toContain('archive/path-traversal');
    expect(text).not.toMatch(/^ {2}medium /mu);
    expect(text).not.toMatch(/^ {2}low /mu);
    expect(text).not.toMatch(/^ {2}info /mu);
    expect(text).not.toContain('README.md');
    expect(text).toContain('4 findings below high not shown.');
    expect(text).toContain('Findings: 2 critical, 2 high, 2 medium, 1 low, 1 info (1 suppressed)');
  });

  it('says so when nothing reaches the severity filter', () => {
    const report = makeReport({ rules: [rule('a/b', 'low')], findings: [finding('a/b', 'low', { path: 'x.bin' })] });
    const text = formatTable(report, { severity: 'critical' });
    expect(text).toContain('No findings at or above critical.');
    expect(text).toContain('1 finding below critical not shown.');
    expect(text).toContain('Findings: 0 critical, 0 high, 0 medium, 1 low, 0 info');
  });

  it('says "No findings." for a clean report, with no incomplete marker', () => {
    const report = makeReport({
      files: [{ path: 'ok.safetensors', size: 10, status: 'scanned', format: 'safetensors' }],
    });
    const text = formatTable(report);
    expect(text.startsWith('No findings.\n')).toBe(true);
    expect(text).toContain('Files: 1 scanned, 0 skipped, 0 errored');
    expect(text).toContain('Findings: 0 critical, 0 high, 0 medium, 0 low, 0 info');
    expect(text).not.toMatch(/scan incomplete/iu);
    expect(text).not.toContain('Errors');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('marks an incomplete scan and lists errors', () => {
    const text = formatTable(richReport(), { width: 120 });
    expect(text).toMatch(/Scan incomplete/u);
    expect(text).toContain('Errors (3):');
    expect(text).toMatch(/broken\.pt\s+TIMEOUT\s+Scanner timed out after 30s/u);
    expect(text).toContain('Files: 4 scanned, 1 skipped, 1 errored');

    const incompleteNoErrors = makeReport({
      run: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1, targets: ['.'], root: '/r', complete: false },
    });
    const marker = formatTable(incompleteNoErrors);
    expect(marker).toContain('No findings.');
    expect(marker).toMatch(/Scan incomplete/u);
  });

  it('lists suppressed findings separately with their reason', () => {
    const text = formatTable(richReport(), { width: 200 });
    expect(text).toContain('Findings (8):');
    expect(text).toContain('Suppressed findings (1):');
    expect(text).toContain('accepted.pkl@1');
    expect(text).toContain('(suppressed: vetted internal model; .modelgate.yml)');

    const onlySuppressed = makeReport({
      rules: [rule('a/b', 'high')],
      findings: [finding('a/b', 'high', { path: 'x.bin' }, { suppressed: { reason: 'ok', source: 'cli' } })],
    });
    const quiet = formatTable(onlySuppressed);
    expect(quiet.startsWith('No findings.\n')).toBe(true);
    expect(quiet).toContain('Suppressed findings (1):');
  });

  it('colours only when asked', () => {
    const plain = formatTable(richReport());
    expect(plain).not.toContain('\u001b');
    const coloured = formatTable(richReport(), { color: true });
    expect(coloured).toMatch(SGR);
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(SGR, '')).toBe(plain);
  });

  it('escapes a hostile severity-free message in the error table too', () => {
    const report = makeReport({ errors: [{ path: HOSTILE_NAME, code: 'E\u001bX', message: 'a\u0007b' }] });
    const text = formatTable(report, { width: 200 });
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('E\\x1bX');
    expect(text).toContain('a\\x07b');
  });

  it('is deterministic and independent of input order', () => {
    const a = richReport();
    const b = richReport();
    b.findings.reverse();
    expect(formatTable(a, { width: 90 })).toBe(formatTable(a, { width: 90 }));
    expect(formatTable(b, { width: 90 })).toBe(formatTable(a, { width: 90 }));
  });
});
