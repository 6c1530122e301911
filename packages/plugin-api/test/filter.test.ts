import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileDirectoryTrigger, compileFilter, compileGlobs, type FilterSubject } from '../src/filter.js';

const PATHS = [
  'model.pkl', 'a/b/model.pkl', 'a/model.PKL', '.hidden.pkl', 'dir/.hidden/x.pkl', 'pytorch_model-00001-of-00002.bin',
  'weights/pytorch_model.bin', 'LICENSE', 'docs/LICENSE.txt', 'licence.md', 'x.pkl.gz', 'configs/a/b/c.yaml', 'c.yaml',
  'data.pkl', 'archive/data.pkl', 'name with space.pt', 'ünïcode/ß.pth', 'a.b.c', 'noext', 'dir/', 'x.tar.gz',
];
const GLOBS = [
  ['*.pkl'], ['*.pkl', '*.pt', '*.pth'], ['pytorch_model*.bin'], ['LICENSE*', 'licence*'], ['configs/**/*.yaml'],
  ['*.{pkl,pt}'], ['**/data.pkl'], ['a/*/model.pkl'], ['*.pkl.*'], ['!*.pkl'], ['?ata.pkl'], ['[a-c].yaml'],
];

/** The documented rule, glob by glob: without `/` a glob matches the base name, with `/` the path. */
function reference(globs: string[]): (path: string) => boolean {
  const matchers = globs.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') }));
  return (path) => matchers.some((matches) => matches(path));
}

describe('compileGlobs', () => {
  it.each(GLOBS.map((globs) => [globs.join(' '), globs]))('matches like picomatch, glob by glob: %s', (_, globs) => {
    const expected = reference(globs);
    const compiled = compileGlobs(globs);
    for (const path of PATHS) expect([path, compiled(path)]).toEqual([path, expected(path)]);
  });

  it('matches globs with a slash against the whole path, and the others against the base name', () => {
    expect(compileGlobs(['configs/**/*.yaml'])('configs/a/b/c.yaml')).toBe(true);
    expect(compileGlobs(['configs/**/*.yaml'])('other/configs/c.yaml')).toBe(false);
    expect(compileGlobs(['*.yaml'])('other/configs/c.yaml')).toBe(true);
    expect(compileGlobs(['a/*/model.pkl'])('a/b/model.pkl')).toBe(true);
    expect(compileGlobs(['a/*/model.pkl'])('a/b/c/model.pkl')).toBe(false);
  });
});

describe('compileDirectoryTrigger', () => {
  it('gives the directory of a matching file, the root for a file at the root, undefined otherwise', () => {
    const trigger = compileDirectoryTrigger({ include: ['*.index.json'] });
    expect(trigger('a/b/model.index.json')).toBe('a/b');
    expect(trigger('model.index.json')).toBe('');
    expect(trigger('a/b/model.json')).toBeUndefined();
  });

  it('gives the scan root for a root scanner, wherever the file is', () => {
    expect(compileDirectoryTrigger({ include: ['README.md'], root: true })('deep/er/README.md')).toBe('');
  });
});

describe('compileFilter', () => {
  const subject = (path: string, extra: Partial<FilterSubject> = {}): FilterSubject => ({
    path, isMember: false, format: 'binary', size: 10, head: new Uint8Array([1, 2, 3]), ...extra,
  });

  it('selects by name, format or magic bytes, and excludes by name, size and membership', () => {
    const filter = compileFilter({ include: ['*.pkl'], exclude: ['skip/**'], formats: ['pickle'], magic: [{ offset: 1, bytes: [2, 3] }], maxSize: 100, members: false });
    expect(filter(subject('a/m.pkl', { head: new Uint8Array(3) }))).toBe(true);
    expect(filter(subject('m.bin', { format: 'pickle', head: new Uint8Array(3) }))).toBe(true);
    expect(filter(subject('m.bin'))).toBe(true); // magic at offset 1
    expect(filter(subject('m.bin', { head: new Uint8Array(3) }))).toBe(false);
    expect(filter(subject('skip/m.pkl'))).toBe(false);
    expect(filter(subject('m.pkl', { size: 101 }))).toBe(false);
    expect(filter(subject('m.pkl', { isMember: true }))).toBe(false);
  });

  it('selects everything when it names no include, format or magic', () => {
    expect(compileFilter({})(subject('anything'))).toBe(true);
    expect(compileFilter({ exclude: ['*.txt'] })(subject('a.txt'))).toBe(false);
  });
});
