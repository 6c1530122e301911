import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ids, of, scan, scanWithPypa } from './helpers.js';

const SHA = 'a'.repeat(64);

describe('vulnerable-pin-* (pinned versions against the PyPA database)', () => {
  it('reports a pinned vulnerable pillow with ids, summary and first fixed version', async () => {
    const run = await scanWithPypa({ 'requirements.txt': 'pillow==9.0.0\n' });
    const findings = run.findings.filter((f) => f.ruleId.startsWith('requirements/vulnerable-pin-'));
    expect(findings.length).toBeGreaterThan(3);
    const f = findings.find((x) => x.evidence?.advisory === 'PYSEC-2022-168')!;
    expect(f.message).toContain('pillow 9.0.0 is affected by PYSEC-2022-168 (CVE-2022-24303');
    expect(f.message).toContain('fixed in 9.0.1');
    expect(f.location).toEqual({ line: 1 });
    expect(f.evidence).toMatchObject({ package: 'pillow', version: '9.0.0', fixed: '9.0.1', severitySource: 'default', severity: 'high' });
  });

  it('maps CVSS to severity: a 9.8 tensorflow advisory is critical', async () => {
    const run = await scanWithPypa({ 'requirements.txt': 'tensorflow==2.4.0\n' });
    const rules = new Set(run.findings.map((f) => f.ruleId));
    expect(rules.has('requirements/vulnerable-pin-high')).toBe(true);
    const scored = run.findings.filter((f) => typeof f.evidence?.cvssScore === 'number');
    for (const f of scored) {
      const score = f.evidence!.cvssScore as number;
      const expected = score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
      expect(f.ruleId).toBe(`requirements/vulnerable-pin-${expected}`);
    }
  });

  it('reports a critical CVSS 9.8 advisory (llama-index) under vulnerable-pin-critical', async () => {
    const run = await scanWithPypa({ 'requirements.txt': 'llama-index==0.7.0\n' });
    expect(of(run, 'vulnerable-pin-critical').map((f) => [f.evidence?.advisory, f.evidence?.cvssScore, f.data?.fixed])).toContainEqual(['PYSEC-2023-148', 9.8, '0.7.14']);
  });

  it('reports medium and low CVSS advisories under their own rules', async () => {
    const data = mkdtempSync(join(tmpdir(), 'mg-cvss-'));
    const advisory = (id: string, vector: string) => ({ id, summary: `${id} summary`, severity: [{ type: 'CVSS_V3', score: vector }], affected: [{ package: { ecosystem: 'PyPI', name: 'demo-lib' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }] });
    writeFileSync(join(data, 'M.json'), JSON.stringify(advisory('TEST-MEDIUM', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N')));
    writeFileSync(join(data, 'L.json'), JSON.stringify(advisory('TEST-LOW', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:N')));
    const run = await scan({ 'requirements.txt': 'demo-lib==1.0\n' }, { advisories: data });
    expect(of(run, 'vulnerable-pin-medium').map((f) => [f.evidence?.advisory, f.evidence?.cvssScore])).toEqual([['TEST-MEDIUM', 5.3]]);
    expect(of(run, 'vulnerable-pin-low').map((f) => [f.evidence?.advisory, f.evidence?.cvssScore, f.message])).toEqual([['TEST-LOW', 2.8, 'demo-lib 1.0 is affected by TEST-LOW: TEST-LOW summary (fixed in 2.0)']]);
  });

  it('does not report a fixed version', async () => {
    const run = await scanWithPypa({ 'requirements.txt': 'pillow==10.4.0 --hash=sha256:' + SHA + '\n' });
    expect(ids(run)).toEqual([]);
  });

  it('reports a range whose newest allowed version is still affected under the pin rule (newest)', async () => {
    const run = await scanWithPypa({ 'pyproject.toml': '[project]\nname = "m"\ndependencies = ["pillow<9.0.1"]\n' });
    const newest = run.findings.filter((f) => f.messageId === 'newest');
    expect(newest.some((f) => f.evidence?.advisory === 'PYSEC-2022-168')).toBe(true);
    expect(newest[0]!.location).toEqual({ line: 3 });
  });
});

describe('vulnerable-range', () => {
  it('reports a range that admits vulnerable versions while its newest allowed version is fixed', async () => {
    const run = await scanWithPypa({ 'pyproject.toml': '[project]\nname = "m"\ndependencies = ["pillow>=9.0"]\n' });
    const [f] = of(run, 'vulnerable-range');
    expect(f?.severity).toBe('medium');
    expect(f?.message).toMatch(/^pillow>=9\.0 admits versions affected by \d+ advisories/);
    expect(f?.evidence?.advisories).toContain('PYSEC-2022-168');
    expect(run.findings.some((x) => x.messageId === 'pinned')).toBe(false);
  });

  it('does not report a range above every fix', async () => {
    const run = await scanWithPypa({ 'pyproject.toml': '[project]\nname = "m"\ndependencies = ["pillow>=10.4"]\n' });
    expect(of(run, 'vulnerable-range')).toEqual([]);
  });
});

describe('malicious-package', () => {
  it('reports a package named by an OSV MAL- advisory as critical', async () => {
    const data = mkdtempSync(join(tmpdir(), 'mg-mal-'));
    writeFileSync(
      join(data, 'MAL-2022-7426.json'),
      JSON.stringify({ id: 'MAL-2022-7426', summary: 'Malicious code in torchtriton (PyPI)', modified: '2022-12-31T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'torchtriton' }, versions: ['3.0.0'], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] }),
    );
    const run = await scan({ 'requirements.txt': '--extra-index-url https://download.pytorch.org/whl/nightly/cpu\ntorchtriton\n' }, { advisories: data });
    const [f] = of(run, 'malicious-package');
    expect(f).toMatchObject({ severity: 'critical', location: { line: 2 } });
    expect(f!.message).toContain('torchtriton is a known malicious package (MAL-2022-7426)');
  });
});

describe('unpinned', () => {
  it('reports unpinned and range-only requirements of an application file, not of pyproject', async () => {
    const run = await scan({ 'requirements.txt': 'numpy\nscipy>=1.10\ntorch==2.1.0\n', 'pyproject.toml': '[project]\nname="x"\ndependencies=["numpy"]\n' });
    expect(of(run, 'unpinned').map((f) => [f.messageId, f.location?.line, f.path])).toEqual([
      ['unpinned', 1, 'requirements.txt'],
      ['range', 2, 'requirements.txt'],
    ]);
  });

  it('accepts a pin that comes from an included constraints file', async () => {
    const run = await scan({ 'requirements.txt': '-c constraints.txt\nnumpy\n', 'constraints.txt': 'numpy==1.26.4\n' });
    expect(of(run, 'unpinned')).toEqual([]);
  });
});

describe('missing-hashes and hash-mode-broken', () => {
  it('reports a requirements file without any hash once (low)', async () => {
    const run = await scan({ 'requirements.txt': 'numpy==1.26.4\nscipy==1.11.0\n' });
    expect(of(run, 'missing-hashes').map((f) => [f.severity, f.messageId, f.message])).toEqual([['low', 'noHashes', '2 requirements and no --hash: pip does not verify what it downloads']]);
  });

  it('reports requirements without hashes when others have them (partial), md5 hashes, and ranges in hash mode', async () => {
    const run = await scan({
      'requirements.txt': `numpy==1.26.4 --hash=sha256:${SHA}\nscipy==1.11.0\nsix==1.16.0 --hash=md5:${'b'.repeat(32)}\nrequests>=2.31 --hash=sha256:${SHA}\n`,
    });
    expect(of(run, 'hash-mode-broken').map((f) => [f.messageId, f.location?.line])).toEqual([
      ['weakHash', 3],
      ['partial', 2],
      ['unpinnedInHashMode', 4],
    ]);
    expect(of(run, 'missing-hashes')).toEqual([]);
  });

  it('is satisfied by fully hashed pins, including hashes on continuation lines', async () => {
    const run = await scan({ 'requirements.txt': `numpy==1.26.4 \\\n    --hash=sha256:${SHA} \\\n    --hash=sha256:${'c'.repeat(64)}\n` });
    expect(ids(run)).toEqual(['no-advisory-data@requirements.txt:']);
  });

  it('--require-hashes with no hashes breaks every requirement', async () => {
    const run = await scan({ 'requirements.txt': '--require-hashes\nnumpy==1.26.4\n' });
    expect(of(run, 'hash-mode-broken').map((f) => f.messageId)).toEqual(['partial']);
  });
});

describe('extra-index and insecure-index', () => {
  it('reports a torchtriton-style extra index (high)', async () => {
    const run = await scan({ 'requirements.txt': `--extra-index-url https://download.pytorch.org/whl/nightly/cu121\ntorchtriton==2.0.0 --hash=sha256:${SHA}\n` });
    expect(of(run, 'extra-index').map((f) => [f.severity, f.location?.line, f.messageId])).toEqual([['high', 1, 'extraIndex']]);
  });

  it('redacts credentials in index URLs', async () => {
    const run = await scan({ 'requirements.txt': '--extra-index-url https://user:s3cret@pypi.example.com/simple\n' });
    expect(of(run, 'extra-index')[0]!.message).toContain('https://***@pypi.example.com/simple');
    expect(JSON.stringify(run.findings)).not.toContain('s3cret');
  });

  it('reports several sources in a Pipfile and Poetry', async () => {
    const pipfile = '[[source]]\nname = "pypi"\nurl = "https://pypi.org/simple"\nverify_ssl = true\n\n[[source]]\nname = "internal"\nurl = "https://pkgs.example.com/simple"\nverify_ssl = true\n\n[packages]\nrequests = "==2.31.0"\n';
    const poetry = '[tool.poetry]\nname = "m"\n\n[tool.poetry.dependencies]\npython = "^3.10"\n\n[[tool.poetry.source]]\nname = "internal"\nurl = "https://pkgs.example.com/simple"\npriority = "supplemental"\n';
    const run = await scan({ Pipfile: pipfile, 'pyproject.toml': poetry });
    expect(of(run, 'extra-index').map((f) => [f.path, f.messageId])).toEqual([
      ['Pipfile', 'severalIndexes'],
      ['pyproject.toml', 'severalIndexes'],
    ]);
  });

  it('reports http:// indexes, --trusted-host and verify_ssl = false', async () => {
    const run = await scan({
      'requirements.txt': '--index-url http://pypi.internal/simple\n--trusted-host pypi.internal\n-f http://wheels.internal/\n',
      Pipfile: '[[source]]\nname = "x"\nurl = "https://pypi.org/simple"\nverify_ssl = false\n',
    });
    expect(of(run, 'insecure-index').map((f) => [f.path, f.location?.line, f.messageId])).toEqual([
      ['Pipfile', 3, 'noVerify'],
      ['requirements.txt', 1, 'http'],
      ['requirements.txt', 2, 'trustedHost'],
      ['requirements.txt', 3, 'http'],
    ]);
  });
});

describe('vcs-unpinned and url-unhashed', () => {
  it('reports VCS requirements without a full commit, and accepts a full commit', async () => {
    const run = await scan({
      'requirements.txt': [
        'git+https://github.com/org/repo.git#egg=repo',
        'lib @ git+https://github.com/org/lib.git@v1.2',
        `-e git+https://github.com/org/ok.git@${'0123456789abcdef'.repeat(2)}01234567#egg=ok`,
      ].join('\n'),
    });
    expect(of(run, 'vcs-unpinned').map((f) => [f.location?.line, f.messageId])).toEqual([
      [1, 'noRef'],
      [2, 'mutableRef'],
    ]);
  });

  it('reports a direct URL without a hash, not one with #sha256= or --hash', async () => {
    const run = await scan({
      'requirements.txt': [
        'https://example.com/pkgs/foo-1.0-py3-none-any.whl',
        `bar @ https://example.com/bar-2.0.tar.gz#sha256=${SHA}`,
        `https://example.com/baz-1.0-py3-none-any.whl --hash=sha256:${SHA}`,
      ].join('\n'),
    });
    expect(of(run, 'url-unhashed').map((f) => [f.location?.line, f.messageId, f.message])).toEqual([[1, 'noHash', 'foo from https://example.com/pkgs/foo-1.0-py3-none-any.whl has no hash (#sha256=... or --hash)']]);
  });
});

describe('torch-mismatch and cuda-mismatch', () => {
  it('reports torch 2.1 with torchvision 0.17 (high), accepts 0.16', async () => {
    const bad = await scan({ 'requirements.txt': 'torch==2.1.0\ntorchvision==0.17.0\ntorchaudio==2.1.0\n' });
    expect(of(bad, 'torch-mismatch').map((f) => [f.severity, f.location?.line, f.message])).toEqual([
      ['high', 2, 'torchvision 0.17.0 does not belong with torch 2.1.0 (expected torchvision 0.16)'],
    ]);
    const good = await scan({ 'requirements.txt': 'torch==2.1.2\ntorchvision==0.16.2\ntorchaudio==2.1.2\n' });
    expect(of(good, 'torch-mismatch')).toEqual([]);
  });

  it('reports torchaudio from another release, also across an include', async () => {
    const run = await scan({ 'requirements.txt': '-r torch.txt\ntorchaudio==0.13.1\n', 'torch.txt': 'torch==1.12.1\n' });
    expect(of(run, 'torch-mismatch').map((f) => f.message)).toEqual(['torchaudio 0.13.1 does not belong with torch 1.12.1 (expected torchaudio 0.12)']);
  });

  it('reports a +cu121 wheel with a /whl/cu118 index and a CUDA 12.4 base image (medium)', async () => {
    const run = await scan({
      'requirements.txt': '--index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0+cu121\n',
      Dockerfile: 'FROM nvidia/cuda:12.1.0-cudnn8-runtime-ubuntu22.04\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
    });
    const found = of(run, 'cuda-mismatch').map((f) => [f.severity, f.path, f.location?.line, f.data?.cuda, f.data?.otherCuda]);
    expect(found).toContainEqual(['medium', 'requirements.txt', 1, '11.8', '12.1']);
    expect(found).toContainEqual(['medium', 'requirements.txt', 2, '12.1', '11.8']);
  });

  it('agrees when every CUDA source says the same version', async () => {
    const run = await scan({
      'requirements.txt': '--index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.0+cu121\n',
      Dockerfile: 'ARG CUDA=12.1.1\nFROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04\nRUN pip install -r requirements.txt\n',
    });
    expect(of(run, 'cuda-mismatch')).toEqual([]);
  });
});

describe('typosquat', () => {
  it('reports names one edit from popular ML packages (insertion, deletion, substitution, swap)', async () => {
    const run = await scan({ 'requirements.txt': 'torchh==1.0\ntrasnformers==1.0\nnumpi==1.0\nscikitlearn==1.0\n' });
    expect(of(run, 'typosquat').map((f) => f.data?.popular)).toEqual(['torch', 'transformers', 'numpy', 'scikit-learn']);
  });

  it('leaves popular packages, known neighbours and case / separator variants alone', async () => {
    const run = await scan({ 'requirements.txt': 'Torch==2.1.0\nscapy==2.5.0\ntorchx==0.7.0\nscikit_learn==1.3.0\nsix==1.16.0\n' });
    expect(of(run, 'typosquat')).toEqual([]);
  });
});

describe('no-advisory-data', () => {
  it('says plainly that no advisory data was available, in a finding and the inventory', async () => {
    const run = await scan({ 'requirements.txt': 'numpy==1.26.4\n' });
    const [f] = of(run, 'no-advisory-data');
    expect(f?.message).toMatch(/^No advisory data \(no index in .*\): known vulnerabilities were not checked/);
    expect(run.inventory).toContainEqual(expect.objectContaining({ type: 'advisory-data', status: 'missing' }));
  });

  it('states the data used (source, date, count) when there is some', async () => {
    const run = await scanWithPypa({ 'requirements.txt': 'numpy==1.26.4\n' });
    expect(of(run, 'no-advisory-data')).toEqual([]);
    expect(run.inventory).toContainEqual(expect.objectContaining({ type: 'advisory-data', status: 'loaded', source: 'osv-directory', date: '2024-10-10T17:22:00.587279Z', count: 2651 }));
  });
});
