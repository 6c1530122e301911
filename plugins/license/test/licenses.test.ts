import { describe, expect, it } from 'vitest';
import { HF_LICENSE_IDS, HF_LICENSE_NAMES } from '../src/licenses/hf-ids.js';
import { KNOWN_REFS } from '../src/licenses/license-refs.js';
import { resolveLicense } from '../src/licenses/resolve.js';
import { SPDX_IDS } from '../src/licenses/spdx-ids.js';
import { restrictionsOf } from '../src/licenses/traits.js';
import { identifyLicenseText, MATCH_THRESHOLD } from '../src/text/identify.js';
import { licenseTemplates } from '../src/text/templates.js';
import { reflow, spdxText } from './helpers.js';

/** The Hub's licence ids (its `license:` vocabulary), other than `other` and `unknown`. */
const HUB_IDS = 'apache-2.0 mit openrail bigscience-openrail-m creativeml-openrail-m bigscience-bloom-rail-1.0 bigcode-openrail-m afl-3.0 artistic-2.0 bsl-1.0 bsd bsd-2-clause bsd-3-clause bsd-3-clause-clear c-uda cc cc0-1.0 cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0 cc-by-sa-3.0 cc-by-sa-4.0 cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0 cc-by-nd-4.0 cc-by-nc-nd-3.0 cc-by-nc-nd-4.0 cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0 cdla-sharing-1.0 cdla-permissive-1.0 cdla-permissive-2.0 wtfpl ecl-2.0 epl-1.0 epl-2.0 etalab-2.0 eupl-1.1 eupl-1.2 agpl-3.0 gfdl gpl gpl-2.0 gpl-3.0 lgpl lgpl-2.1 lgpl-3.0 isc h-research intel-research lppl-1.3c ms-pl apple-ascl apple-amlr mpl-2.0 odc-by odbl openmdw-1.0 openmdw-1.1 openrail++ osl-3.0 postgresql ofl-1.1 ncsa unlicense zlib pddl lgpl-lr deepfloyd-if-license fair-noncommercial-research-license llama2 llama3 llama3.1 llama3.2 llama3.3 llama4 grok2-community gemma'.split(' ');

describe('Hub licence ids', () => {
  it('maps every Hub id, and only those, to a current SPDX id or a known LicenseRef', () => {
    expect(Object.keys(HF_LICENSE_IDS).sort()).toEqual([...HUB_IDS].sort());
    for (const [hub, id] of [...Object.entries(HF_LICENSE_IDS), ...Object.entries(HF_LICENSE_NAMES)]) {
      expect(SPDX_IDS.has(id) || id in KNOWN_REFS, `${hub} → ${id}`).toBe(true);
      expect(resolveLicense(hub)).toMatchObject({ expression: id, unknown: [] });
    }
  });

  it('maps RAIL, Llama and Gemma to LicenseRefs with their restrictions', () => {
    expect(restrictionsOf(HF_LICENSE_IDS['llama3.2']!)).toMatchObject({ family: 'llama', use: expect.stringContaining('Acceptable Use Policy') });
    expect(restrictionsOf(HF_LICENSE_IDS.gemma!)).toMatchObject({ family: 'gemma' });
    for (const rail of ['openrail', 'bigscience-openrail-m', 'creativeml-openrail-m', 'bigscience-bloom-rail-1.0', 'bigcode-openrail-m', 'openrail++']) {
      expect(restrictionsOf(HF_LICENSE_IDS[rail]!)?.use).toMatch(/RAIL/);
    }
    expect(restrictionsOf('CC-BY-NC-SA-4.0')).toEqual({ nonCommercial: true, shareAlike: true });
    expect(restrictionsOf('CC-BY-ND-4.0')).toEqual({ noDerivatives: true });
    expect(restrictionsOf('GPL-3.0-or-later')).toEqual({ shareAlike: true });
    expect(restrictionsOf('Apache-2.0')).toEqual({});
    expect(restrictionsOf('LicenseRef-acme')).toBeUndefined();
  });
});

describe('resolveLicense', () => {
  it('matches SPDX ids case-insensitively and keeps expressions', () => {
    expect(resolveLicense('mit OR apache-2.0')).toMatchObject({ expression: 'MIT OR Apache-2.0', unknown: [] });
    expect(resolveLicense('(GPL-2.0-or-later WITH Classpath-exception-2.0) and bsd-3-clause')).toMatchObject({ expression: '(GPL-2.0-or-later WITH Classpath-exception-2.0) AND BSD-3-Clause', unknown: [] });
    expect(resolveLicense('LicenseRef-Llama-3-Community')).toMatchObject({ unknown: [] });
  });

  it('never corrects an unknown id, only suggests', () => {
    expect(resolveLicense('Apache 2.0')).toMatchObject({ expression: 'LicenseRef-apache-2.0', unknown: ['Apache 2.0'], suggestion: 'apache-2.0' });
    expect(resolveLicense('MIT License')).toMatchObject({ unknown: ['MIT License'], suggestion: 'mit' });
    expect(resolveLicense('cc-by-nc-4')).toMatchObject({ unknown: ['cc-by-nc-4'], suggestion: 'cc-by-nc-4.0' });
    expect(resolveLicense('MIT AND foo-license')).toMatchObject({ expression: 'MIT AND LicenseRef-foo-license', unknown: ['foo-license'] });
  });

  it('reports what does not parse', () => {
    expect(resolveLicense('MIT AND').unparsable).toBeDefined();
    expect(resolveLicense('(MIT').unparsable).toBeDefined();
    expect(resolveLicense('x'.repeat(5000)).unparsable).toMatch(/longer than/);
    expect(resolveLicense('unknown')).toMatchObject({ declaredUnknown: true });
  });
});

describe('licence text identification', () => {
  const ids = ['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MIT-0', 'GPL-3.0-only', 'LGPL-2.1-only', 'MPL-2.0', 'CC-BY-4.0', 'CC-BY-NC-4.0', 'CC-BY-SA-4.0', 'Unlicense', 'BSL-1.0', 'Zlib'];

  it.each(ids)('identifies %s reflowed, re-cased and with a real copyright line', (id) => {
    const text = `Copyright 2021-2024 Example Labs, Inc.\n\n${reflow(spdxText(id), 64)}`;
    const result = identifyLicenseText(text);
    expect(result.id).toBe(id);
    expect(result.best!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('tells BSD-2-Clause from BSD-3-Clause and MIT from MIT-0', () => {
    expect(identifyLicenseText(spdxText('BSD-2-Clause')).id).toBe('BSD-2-Clause');
    expect(identifyLicenseText(spdxText('MIT-0')).id).toBe('MIT-0');
  });

  it('does not identify prose or a truncated licence', () => {
    expect(identifyLicenseText('This repository holds the weights of our model. Please cite our paper.').id).toBeUndefined();
    const half = spdxText('Apache-2.0').slice(0, 2000);
    expect(identifyLicenseText(half).id).toBeUndefined();
  });

  it('stays fast: templates load once, each identification takes milliseconds', () => {
    licenseTemplates();
    const text = spdxText('Apache-2.0');
    const started = performance.now();
    for (let i = 0; i < 20; i++) identifyLicenseText(text);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
