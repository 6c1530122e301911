import { describe, expect, it } from 'vitest';
import { computeTemplates, decodeTemplates, encodeTemplates, licenseTemplates } from '../src/text/templates.js';

describe('licence templates', () => {
  it('survive the build-time encoding exactly, and the precomputed file matches a fresh computation', () => {
    const fresh = computeTemplates();
    const flat = (list: typeof fresh) => JSON.stringify(list.map((t) => [t.id, t.name, [...t.fingerprint]]));
    expect(flat(decodeTemplates(encodeTemplates(fresh)))).toBe(flat(fresh));
    expect(flat([...licenseTemplates()])).toBe(flat(fresh));
    expect(fresh.length).toBeGreaterThan(600);
  });
});
