import { createRequire } from 'node:module';
import { SPDX_IDS } from '../licenses/spdx-ids.js';
import { licenseWords, shingles } from './normalize.js';

/** One SPDX licence text, pre-normalised into its fingerprint. */
export interface LicenseTemplate {
  readonly id: string;
  readonly name: string;
  readonly fingerprint: Uint32Array;
}

const require = createRequire(import.meta.url);
let templates: LicenseTemplate[] | undefined;
let byId: Map<string, LicenseTemplate> | undefined;

/**
 * Every current SPDX licence text from `spdx-license-list`, normalised and fingerprinted once per
 * thread on first use (about 700 texts, about 200 ms). Deprecated and `+` ids are left out:
 * their texts duplicate current ones.
 */
export function licenseTemplates(): readonly LicenseTemplate[] {
  if (!templates) {
    const full = require('spdx-license-list/full') as Record<string, { name: string; licenseText: string }>;
    templates = Object.entries(full)
      .filter(([id, entry]) => SPDX_IDS.has(id) && typeof entry.licenseText === 'string' && entry.licenseText.length > 0)
      .map(([id, entry]) => ({ id, name: entry.name, fingerprint: shingles(licenseWords(entry.licenseText)) }))
      .filter((t) => t.fingerprint.length > 0)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    byId = new Map(templates.map((t) => [t.id, t]));
  }
  return templates;
}

/** The template of an SPDX id (`+`, `-or-later` forms map to the id's own text), if any. */
export function templateOf(id: string): LicenseTemplate | undefined {
  licenseTemplates();
  const bare = id.replace(/\+$/, '');
  return byId!.get(bare) ?? byId!.get(`${bare}-only`) ?? byId!.get(bare.replace(/-or-later$/, '-only'));
}
