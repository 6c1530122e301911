import { describe, expect, it } from 'vitest';
import { logicalLines } from '../src/parse/logical-lines.js';
import { parseVcs } from '../src/parse/pep508.js';
import { parseRequirementsText } from '../src/parse/requirements-txt.js';

describe('requirements files, as pip reads them', () => {
  it('joins continuation lines, drops comments and keeps the first line number', () => {
    expect(logicalLines('# top\nnumpy==1.0 \\\n  --hash=sha256:aa # trailing\n\n  # indented comment\nscipy  # why\nfoo#bar\n')).toEqual([
      { line: 2, text: 'numpy==1.0   --hash=sha256:aa' },
      { line: 6, text: 'scipy' },
      { line: 7, text: 'foo#bar' },
    ]);
  });

  it('a comment line ends a continuation, as in pip', () => {
    expect(logicalLines('numpy \\\n# c\nscipy\n')).toEqual([
      { line: 1, text: 'numpy' },
      { line: 3, text: 'scipy' },
    ]);
  });

  it('parses extras, markers, specifiers, hashes, -e, VCS and direct URLs', () => {
    const file = parseRequirementsText(
      [
        'transformers[torch,sentencepiece] >= 4.30, < 5 ; python_version >= "3.8"',
        'numpy==1.26.4 --hash=sha256:AAAA --hash sha256:bbbb',
        '-e git+https://github.com/org/repo.git@v1.0#egg=repo',
        'pkg @ https://example.com/pkg-1.0.tar.gz#sha256=cccc ; sys_platform == "linux"',
        './local/pkg',
        'Torch===2.1.0+cu121',
      ].join('\n'),
      'requirements.txt',
    );
    expect(file.problems).toEqual([]);
    const [tf, np, editable, direct, local, torch] = file.requirements;
    expect(tf).toMatchObject({ name: 'transformers', key: 'transformers', extras: ['torch', 'sentencepiece'], specifier: '>=4.30,<5', marker: 'python_version >= "3.8"', line: 1 });
    expect(tf!.pinned).toBeUndefined();
    expect(np).toMatchObject({ pinned: '1.26.4', hashes: ['sha256:aaaa', 'sha256:bbbb'] });
    expect(editable).toMatchObject({ name: 'repo', editable: true, vcs: { type: 'git', ref: 'v1.0', url: 'git+https://github.com/org/repo.git@v1.0' } });
    expect(direct).toMatchObject({ name: 'pkg', url: 'https://example.com/pkg-1.0.tar.gz#sha256=cccc', hashes: ['sha256:cccc'], marker: 'sys_platform == "linux"' });
    expect(local).toMatchObject({ local: true });
    expect(torch).toMatchObject({ key: 'torch', pinned: '2.1.0+cu121' });
    expect(file.cuda).toEqual([{ cuda: '12.1', source: 'local-version', line: 6, path: 'requirements.txt', text: 'Torch===2.1.0+cu121' }]);
  });

  it('records includes, indexes, find-links, trusted hosts and --require-hashes', () => {
    const file = parseRequirementsText(
      '-r base.txt\n--requirement=dev.txt\n-c constraints.txt\n-i https://pypi.org/simple\n--extra-index-url https://download.pytorch.org/whl/cu118\n-f ./wheels\n--trusted-host example.com\n--require-hashes\n--pre --prefer-binary\n--only-binary :all:\n',
      'requirements.txt',
    );
    expect(file.includes.map((i) => [i.kind, i.target, i.line])).toEqual([
      ['requirement', 'base.txt', 1],
      ['requirement', 'dev.txt', 2],
      ['constraint', 'constraints.txt', 3],
    ]);
    expect(file.indexes.map((i) => [i.kind, i.url])).toEqual([
      ['index-url', 'https://pypi.org/simple'],
      ['extra-index-url', 'https://download.pytorch.org/whl/cu118'],
      ['find-links', './wheels'],
      ['trusted-host', 'example.com'],
    ]);
    expect(file.requireHashes).toBe(8);
    expect(file.cuda.map((c) => c.cuda)).toEqual(['11.8']);
    expect(file.problems).toEqual([]);
  });

  it('leaves ${VAR} unexpanded: the requirement is dynamic, never read from the environment', () => {
    process.env.TORCH_VERSION = '2.1.0';
    const file = parseRequirementsText('torch==${TORCH_VERSION}\n--extra-index-url https://${TOKEN}@pkgs.example.com/simple\n', 'requirements.txt');
    expect(file.requirements[0]).toMatchObject({ key: 'torch', dynamic: true, specifier: '' });
    expect(file.requirements[0]!.pinned).toBeUndefined();
    expect(file.indexes[0]!.url).toBe('https://${TOKEN}@pkgs.example.com/simple');
  });

  it('finds the VCS revision after the path, not the user', () => {
    expect(parseVcs('git+ssh://git@github.com/org/repo.git@abc#egg=x')).toEqual({ type: 'git', url: 'git+ssh://git@github.com/org/repo.git@abc', ref: 'abc' });
    expect(parseVcs('git+ssh://git@github.com/org/repo.git')).toEqual({ type: 'git', url: 'git+ssh://git@github.com/org/repo.git' });
  });
});
