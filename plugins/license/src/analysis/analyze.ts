import { andAll, type LicenseNode, parseExpression } from '../licenses/expression.js';
import type { Tree } from '../tree/build-units.js';
import type { Unit } from '../tree/unit.js';
import { type DeclaredLicense, declaredLicense } from './declared.js';
import { imposedRestrictions } from './restrictions-of.js';
import { type ResolvedRef, resolveUpstream } from './upstream.js';

/** Everything worked out about one model or dataset. */
export interface UnitAnalysis {
  readonly unit: Unit;
  /** What the unit declares itself. */
  readonly declared?: DeclaredLicense;
  readonly upstream: readonly ResolvedRef[];
  /**
   * The licence terms that bind it: its own declared licence AND its base models' licences AND
   * its datasets' licences where they restrict derivatives (NC, ND, SA, use restrictions).
   */
  readonly effective?: { expression: string; tree: LicenseNode };
}

/** Whether an upstream licence passes terms on to what is derived from it. */
function passesOn(ref: ResolvedRef): boolean {
  if (!ref.license?.tree) return false;
  if (ref.kind === 'base_model') return true;
  const imposed = imposedRestrictions(ref.license.tree);
  return imposed === undefined || imposed.length > 0;
}

/** Analyses every unit of a tree. */
export function analyzeTree(tree: Tree): UnitAnalysis[] {
  const declared = new Map<Unit, DeclaredLicense | undefined>(tree.units.map((u) => [u, declaredLicense(u)]));
  return tree.units.map((unit) => {
    const own = declared.get(unit);
    const upstream = resolveUpstream(unit, tree.units, (u) => declared.get(u));
    const parts = [...(own ? [own.expression] : []), ...upstream.filter(passesOn).map((r) => r.license!.expression!)];
    const expression = andAll(parts);
    return { unit, ...(own && { declared: own }), upstream, ...(expression && { effective: { expression, tree: parseExpression(expression) } }) };
  });
}
