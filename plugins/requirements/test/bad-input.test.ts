import { describe, expect, it } from 'vitest';
import { ids, of, scan } from './helpers.js';

describe('bad input', () => {
  it('reports an include cycle (-r a.txt in b.txt and back) once and terminates', async () => {
    const run = await scan({ 'requirements-a.txt': '-r requirements-b.txt\nnumpy==1.26.4\n', 'requirements-b.txt': '-r requirements-a.txt\nscipy==1.11.0\n' });
    const cycles = of(run, 'include-cycle');
    expect(cycles.length).toBeGreaterThanOrEqual(1);
    expect(cycles[0]!.message).toMatch(/^Include cycle: requirements-[ab]\.txt → requirements-[ab]\.txt → requirements-[ab]\.txt$/);
    expect(run.errors).toEqual([]);
  });

  it('reports a self-include', async () => {
    const run = await scan({ 'requirements.txt': '-r requirements.txt\n' });
    expect(of(run, 'include-cycle').map((f) => f.message)).toEqual(['Include cycle: requirements.txt → requirements.txt']);
  });

  it('does not follow includes that escape the scan root, and says so', async () => {
    const run = await scan({ 'sub/requirements.txt': '-r ../../outside.txt\n-c /etc/constraints.txt\n-r https://example.com/reqs.txt\n-r missing.txt\n-r ../requirements-common.txt\n', 'requirements-common.txt': 'numpy==1.26.4\n' });
    expect(of(run, 'include-unresolved').map((f) => [f.location?.line, f.messageId])).toEqual([
      [1, 'escapes'],
      [2, 'escapes'],
      [3, 'remote'],
      [4, 'missing'],
    ]);
  });

  it('follows includes relative to the including file', async () => {
    const run = await scan({ 'app/requirements.txt': '-r ../shared/base.txt\n', 'shared/base.txt': 'torch==2.1.0\ntorchvision==0.17.0\n' });
    expect(ids(run).filter((id) => id.startsWith('torch-mismatch'))).toEqual(['torch-mismatch@shared/base.txt:2']);
  });

  it('reads a 100,000-line file quickly and caps findings per rule', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `package-${i}>=1.${i % 10}`).join('\n');
    const started = Date.now();
    const run = await scan({ 'requirements.txt': lines });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(of(run, 'unpinned')).toHaveLength(100);
    expect(run.inventory).toContainEqual({ type: 'dependency-files', files: [{ path: 'requirements.txt', kind: 'requirements', requirements: 100_000 }] });
  });

  it('reports invalid TOML with its line number', async () => {
    const run = await scan({ 'pyproject.toml': '[project]\nname = "m"\ndependencies = [\n  "numpy",\n  oops\n]\n' });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.code).toBe('PARSE_ERROR');
    expect(run.errors[0]!.message).toMatch(/^pyproject\.toml: invalid TOML at line 5, column \d+/);
  });

  it('reports invalid YAML with its line number', async () => {
    const run = await scan({ 'environment.yml': 'name: m\ndependencies:\n  - numpy=1.26.4\n  - pip:\n    - torch==2.1.0\n   bad: [\n' });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.message).toMatch(/^environment\.yml: invalid YAML at line \d+/);
  });

  it('reports invalid JSON in Pipfile.lock with its line number', async () => {
    const run = await scan({ 'Pipfile.lock': '{\n  "default": {\n    "numpy": {"version": "==1.26.4",}\n  }\n}\n' });
    expect(run.errors[0]!.message).toMatch(/^Pipfile\.lock: invalid JSON at line 3/);
  });

  it('reports unknown options as pip would refuse them', async () => {
    const run = await scan({ 'requirements.txt': '--frobnicate\nnumpy==1.26.4 --install-option=--prefix=/x\n-r\n' });
    expect(of(run, 'invalid-requirement').map((f) => [f.location?.line, f.messageId, f.data?.detail])).toEqual([
      [1, 'unknownOption', 'no such option: --frobnicate'],
      [2, 'unknownOption', 'no such option: --install-option=--prefix=/x'],
      [3, 'unknownOption', '-r option requires an argument'],
    ]);
  });

  it('reports invalid versions and names', async () => {
    const run = await scan({ 'requirements.txt': 'torch==2.x.1\nnumpy>=\n-bad-name\nfoo bar\nscipy~=1\n' });
    expect(of(run, 'invalid-requirement').map((f) => [f.location?.line, f.messageId])).toEqual([
      [1, 'invalidVersion'],
      [2, 'invalidVersion'],
      [3, 'unknownOption'],
      [4, 'invalidRequirement'],
      [5, 'invalidVersion'],
    ]);
  });

  it('reports a non-UTF-8 file as not analysable, with the offset of the first bad byte', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('numpy==1.0 # caf'), 0xe9, 0x0a]);
    const run = await scan({ 'requirements.txt': bytes });
    expect(run.errors).toEqual([{ code: 'NOT_UTF8', message: expect.stringMatching(/^requirements\.txt: not UTF-8 text \(invalid byte at offset 16\)/) }]);
  });

  it('decodes UTF-16 with a BOM as pip does', async () => {
    const text = 'torch==2.1.0\ntorchvision==0.17.0\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const run = await scan({ 'requirements.txt': bytes });
    expect(of(run, 'torch-mismatch')).toHaveLength(1);
  });
});
