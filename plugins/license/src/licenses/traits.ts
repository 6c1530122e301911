import { KNOWN_REFS } from './license-refs.js';
import type { Restrictions } from './restrictions.js';

const NON_COMMERCIAL = /(^|-)NC(-|$)|Noncommercial|NonCommercial/;
const NO_DERIVATIVES = /(^|-)ND(-|$)/;
const SHARE_ALIKE = /(^|-)SA(-|$)|^(A?GPL|GFDL|EUPL|OSL|SSPL|CDLA-Sharing|ODbL|copyleft-next|CC-BY-SA|RPL|Sleepycat)\b/;
const USE_RESTRICTED = /^Hippocratic-/;

/** The licence part of an SPDX leaf, without `+`, `-only`, `-or-later`. */
export function licenseFamily(id: string): string {
  return id.replace(/\+$/, '').replace(/-(only|or-later)$/, '');
}

/**
 * What a licence id restricts: looked up for `LicenseRef-`s of the catalogue, derived from the
 * id for SPDX licences (CC NC/ND/SA elements, strong copyleft families, ethical-use licences).
 * Returns undefined for a `LicenseRef-` this plugin does not know (restrictions unknown).
 */
export function restrictionsOf(id: string): Restrictions | undefined {
  if (id.startsWith('LicenseRef-') || id.includes(':LicenseRef-')) return KNOWN_REFS[id]?.restrictions;
  const restrictions: Restrictions = {};
  if (NON_COMMERCIAL.test(id)) restrictions.nonCommercial = true;
  if (NO_DERIVATIVES.test(id)) restrictions.noDerivatives = true;
  if (SHARE_ALIKE.test(id)) restrictions.shareAlike = true;
  if (USE_RESTRICTED.test(id)) restrictions.use = 'ethical use restrictions of the Hippocratic License';
  return restrictions;
}

/** True when the id is an SPDX id or a `LicenseRef-` of the catalogue. */
export function isKnownId(id: string): boolean {
  return restrictionsOf(id) !== undefined;
}
