import { choices, type LicenseNode } from '../licenses/expression.js';
import { RESTRICTION_KINDS, type RestrictionKind, type Restrictions } from '../licenses/restrictions.js';
import { restrictionsOf } from '../licenses/traits.js';

/** A restriction an expression imposes whatever licence of it one picks, with the ids causing it. */
export interface Imposed {
  readonly kind: RestrictionKind;
  /** Licence ids that impose it. */
  readonly ids: readonly string[];
  /** Use restriction wording or family name. */
  readonly detail?: string;
}

/** The restrictions of an expression, or undefined when one of its licences is unknown. */
export function imposedRestrictions(tree: LicenseNode): Imposed[] | undefined {
  const options = choices(tree);
  const perChoice: Map<string, Imposed>[] = [];
  for (const choice of options) {
    const found = new Map<string, Imposed>();
    for (const id of choice) {
      const r: Restrictions | undefined = restrictionsOf(id.replace(/\+$/, ''));
      if (!r) return undefined;
      for (const kind of RESTRICTION_KINDS) {
        if (!r[kind]) continue;
        const detail = kind === 'use' ? r.use : kind === 'family' ? r.family : undefined;
        const key = kind === 'family' ? `family:${r.family}` : kind;
        const prior = found.get(key);
        found.set(key, { kind, ids: [...(prior?.ids ?? []), id], ...((prior?.detail ?? detail) !== undefined && { detail: prior?.detail ?? detail }) });
      }
    }
    perChoice.push(found);
  }
  // A licensee picks the least restrictive option: only what every option imposes counts.
  const [first, ...rest] = perChoice;
  if (!first) return [];
  return [...first.entries()].filter(([key]) => rest.every((m) => m.has(key))).map(([, imposed]) => imposed);
}
