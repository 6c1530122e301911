import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AdvisoryIndex } from '../src/advisories/advisory-index.js';
import { importAdvisories } from '../src/advisories/import.js';
import { cachedAdvisoryIndex, loadedIndexCount } from '../src/advisories/load.js';
import { cvssBaseScore, severityFromScore } from '../src/advisories/cvss.js';
import { indexFromDirectory, indexFromZipBytes } from '../src/advisories/read-sources.js';
import { IndexBuilder } from '../src/advisories/build-index.js';
import { parseSpecifier } from '../src/text/pep440.js';
import { PYPA_DB, scan } from './helpers.js';

function indexOf(records: unknown[]): AdvisoryIndex {
  const builder = new IndexBuilder();
  for (const r of records) builder.addRecord(r);
  return new AdvisoryIndex(builder.build({ kind: 'test', location: 'memory' }));
}

const ADVISORY = {
  id: 'TEST-1',
  summary: 'test',
  affected: [{ package: { ecosystem: 'PyPI', name: 'Demo_Pkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.5' }, { introduced: '2.0' }, { last_affected: '2.2' }] }], versions: ['3.0.0rc1'] }],
};

describe('OSV matching', () => {
  const index = indexOf([ADVISORY]);
  const [advisory] = index.advisories('demo-pkg');

  it('evaluates introduced / fixed / last_affected and explicit versions', () => {
    expect(['1.0', '1.4.9', '1.5', '1.9', '2.0', '2.2', '2.2.1', '3.0.0-rc1'].map((v) => index.matchVersion(advisory!, v).affected)).toEqual([true, true, false, false, true, true, false, true]);
    expect(index.matchVersion(advisory!, '1.0').fixed).toBe('1.5');
    expect(index.matchVersion(advisory!, '1.0+cu121').affected).toBe(true);
  });

  it('tells a range whose newest version is fixed from one whose newest version is affected', () => {
    const spec = (s: string) => (parseSpecifier(s) as unknown as { clauses: never[] }).clauses;
    expect(index.matchRange(advisory!, spec('>=1.0,<1.8'))).toMatchObject({ newestAffected: false });
    expect(index.matchRange(advisory!, spec('>=1.0,<1.5'))).toMatchObject({ newestAffected: true });
    expect(index.matchRange(advisory!, spec('~=2.1'))).toMatchObject({ newestAffected: false });
    expect(index.matchRange(advisory!, spec('==2.1.*'))).toMatchObject({ newestAffected: true });
    expect(index.matchRange(advisory!, spec('>=1.5,<2'))).toBeUndefined();
  });

  it('ignores withdrawn advisories and other ecosystems', () => {
    const other = indexOf([{ ...ADVISORY, id: 'W', withdrawn: '2024-01-01T00:00:00Z' }, { id: 'N', affected: [{ package: { ecosystem: 'npm', name: 'demo-pkg' } }] }]);
    expect(other.data.count).toBe(0);
    expect(other.data.skipped).toBe(2);
  });
});

describe('CVSS', () => {
  it('computes v3.1, v3.0 and v4.0 base scores and maps them to severities', () => {
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvssBaseScore('CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:N')).toBe(2.8);
    expect(cvssBaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBe(9.3);
    expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H')).toBe(7.5);
    expect(cvssBaseScore('CVSS:3.1/AV:X')).toBeUndefined();
    expect(cvssBaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
    expect([9.8, 9.0, 7.5, 6.1, 3.3, 0].map(severityFromScore)).toEqual(['critical', 'critical', 'high', 'medium', 'low', 'low']);
  });

  it('uses a database rating, else high, when no vector is given', () => {
    const index = indexOf([
      { ...ADVISORY, id: 'A', database_specific: { severity: 'MODERATE' } },
      { ...ADVISORY, id: 'B' },
      { ...ADVISORY, id: 'C', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] },
    ]);
    expect(index.advisories('demo-pkg').map((a) => [a.id, a.severity, a.severitySource])).toEqual([
      ['A', 'medium', 'database'],
      ['B', 'high', 'default'],
      ['C', 'critical', 'CVSS_V3'],
    ]);
  });
});

describe('advisory sources', () => {
  it('indexes the PyPA database directory (YAML) and a zip of it (JSON) to the same data', async () => {
    const fromDir = await indexFromDirectory(PYPA_DB);
    expect(fromDir.count).toBe(2651);
    expect(fromDir.provenance.dataDate).toBe('2024-10-10T17:22:00.587279Z');
    const files: Record<string, Uint8Array> = {};
    for (const pkg of ['pillow', 'tensorflow', 'torch']) {
      for (const name of readdirSync(join(PYPA_DB, 'vulns', pkg))) {
        const data = parseYaml(readFileSync(join(PYPA_DB, 'vulns', pkg, name), 'utf8'));
        files[name.replace(/\.yaml$/, '.json')] = new TextEncoder().encode(JSON.stringify(data));
      }
    }
    const fromZip = indexFromZipBytes(zipSync(files), 'all.zip');
    expect(fromZip.provenance.kind).toBe('osv-zip');
    expect(fromZip.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fromZip.packages.pillow).toEqual(fromDir.packages.pillow);
    expect(fromZip.packages.torch).toEqual(fromDir.packages.torch);
  });

  it('db import writes an index that loads once per worker and gives the same findings', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mg-cache-'));
    const { index, path } = await importAdvisories(PYPA_DB, cacheDir, new Date('2025-01-01T00:00:00Z'));
    expect(index.provenance).toMatchObject({ kind: 'osv-directory', importedAt: '2025-01-01T00:00:00.000Z' });
    const before = loadedIndexCount();
    const first = await cachedAdvisoryIndex(path);
    const second = await cachedAdvisoryIndex(path);
    expect(second).toBe(first);
    expect(loadedIndexCount()).toBe(before + 1);
    const run = await scan({ 'requirements.txt': 'pillow==9.0.0\n', 'sub/requirements.txt': 'pillow==9.0.0\n' }, { cacheDir });
    expect(run.findings.filter((f) => f.evidence?.advisory === 'PYSEC-2022-168').map((f) => f.path)).toEqual(['requirements.txt', 'sub/requirements.txt']);
    expect(loadedIndexCount()).toBe(before + 1);
    expect(run.inventory).toContainEqual(expect.objectContaining({ type: 'advisory-data', source: 'osv-directory', importedAt: '2025-01-01T00:00:00.000Z', count: 2651, cacheDir }));
  });

  it('reports unreadable advisory data plainly', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mg-bad-')), 'index.json');
    writeFileSync(bad, '{"format":"something-else"}');
    const run = await scan({ 'requirements.txt': 'numpy==1.26.4\n' }, { advisories: bad });
    expect(run.findings.find((f) => f.ruleId === 'requirements/no-advisory-data')?.messageId).toBe('unreadable');
    expect(run.inventory).toContainEqual(expect.objectContaining({ type: 'advisory-data', status: 'unreadable' }));
  });
});
