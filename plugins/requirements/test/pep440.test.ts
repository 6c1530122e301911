import * as pep440 from '@renovatebot/pep440';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseSpecifier, satisfiesAll, upperBound } from '../src/text/pep440.js';

const VERSIONS = ['0', '0.9', '1.0.dev1', '1.0a1', '1.0rc1', '1.0', '1.0.0', '1.0.post1', '1.0+cu121', '1.0.1', '1.1', '1.5', '2.0rc1', '2.0', '2.0.post1', '2.1.3', '10.0', '1!0.5'];
const SPECS = ['>=1.0', '<2.0', '>1.0', '<=1.0', '==1.0', '!=1.0', '>=1.0,<2.0', '~=1.0', '==1.*', '>2.0', '<1.0', '>=1.0.1,!=1.1'];

describe('PEP 440 helpers', () => {
  it('orders versions as @renovatebot/pep440 does', () => {
    for (const a of VERSIONS) for (const b of VERSIONS) expect([a, b, Math.sign(compareVersions(a, b))]).toEqual([a, b, Math.sign(pep440.compare(a, b))]);
  });

  it('matches specifiers as @renovatebot/pep440 does (pre-releases allowed)', () => {
    for (const spec of SPECS) {
      const parsed = parseSpecifier(spec);
      if (!parsed.ok) throw new Error(spec);
      for (const v of VERSIONS) expect([spec, v, satisfiesAll(v, parsed.clauses)]).toEqual([spec, v, pep440.satisfies(v, spec, { prereleases: true })]);
    }
  });

  it('finds the upper bound of a specifier', () => {
    const bound = (s: string) => upperBound((parseSpecifier(s) as unknown as { clauses: never[] }).clauses);
    expect(bound('>=1.0')).toBeUndefined();
    expect(bound('>=1.0,<2')).toEqual({ version: '2', inclusive: false });
    expect(bound('~=1.4.2')).toEqual({ version: '1.5', inclusive: false });
    expect(bound('==1.4.*')).toEqual({ version: '1.5', inclusive: false });
    expect(bound('<=3,<2.5')).toEqual({ version: '2.5', inclusive: false });
  });

  it('rejects invalid specifiers with a reason', () => {
    expect(parseSpecifier('==2.x')).toEqual({ ok: false, detail: 'invalid version "2.x"' });
    expect(parseSpecifier('~=1')).toMatchObject({ ok: false });
    expect(parseSpecifier('=>1.0')).toMatchObject({ ok: false });
  });
});
