import { leaves, type LicenseNode } from '../licenses/expression.js';
import { licenseFamily } from '../licenses/traits.js';

/** Licence families of an expression: `GPL-3.0-only`, `GPL-3.0-or-later` and `GPL-3.0+` are one. */
export function families(tree: LicenseNode): Set<string> {
  return new Set(leaves(tree).map(licenseFamily));
}

/** True when two expressions name at least one licence in common. */
export function overlaps(a: LicenseNode, b: LicenseNode): boolean {
  const fa = families(a);
  return [...families(b)].some((f) => fa.has(f));
}
