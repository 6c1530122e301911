import { describe, expect, it } from 'vitest';
import { singleMemberName, unsafePathReason } from '../../src/containers/member-names.js';

describe('singleMemberName', () => {
  it.each([
    ['model.pkl.gz', undefined, 'model.pkl'],
    ['dir/x.tgz', undefined, 'x.tar'],
    ['X.TBZ2', undefined, 'X.tar'],
    ['data.txz', undefined, 'data.tar'],
    ['a.bz2', undefined, 'a'],
    ['a.xz', undefined, 'a'],
    ['blob', undefined, 'blob.out'],
    ['.gz', undefined, '.gz.out'],
    ['a.gz', '../../etc/passwd', 'passwd'],
    ['a.gz', 'C:\\evil\\x.pkl', 'x.pkl'],
    ['a.gz', '..', 'a'],
    ['a.gz', 'bad\u0001name', 'badname'],
  ])('%s with FNAME %s → %s', (container, header, expected) => {
    expect(singleMemberName(container, header)).toBe(expected);
  });
});

describe('unsafePathReason', () => {
  it('flags what an extractor could misuse and nothing else', () => {
    expect(unsafePathReason('a/b..c/d', true)).toBeUndefined();
    expect(unsafePathReason('..', true)).toBe('parent');
    expect(unsafePathReason('a\\b', false)).toBeUndefined();
    expect(unsafePathReason('..\\a', false)).toBe('parent');
    expect(unsafePathReason('d:x', false)).toBe('drive');
  });
});
