import type { CheckContext } from '../analysis/check-context.js';
import type { UnitAnalysis } from '../analysis/analyze.js';
import { leaves } from '../licenses/expression.js';
import { KNOWN_REFS } from '../licenses/license-refs.js';
import { restrictionsOf } from '../licenses/traits.js';
import { useRestriction } from './declarations.js';
import { unitName, unitPath } from '../tree/unit.js';

/** Where a licence id of a unit's effective licence comes from, for the finding's location. */
function origin(analysis: UnitAnalysis, id: string): { path: string; line?: number; via: string } {
  const own = analysis.declared?.from.find((d) => d.resolved.tree && leaves(d.resolved.tree).includes(id));
  if (own) return { path: own.path, ...(own.line !== undefined && { line: own.line }), via: own.from };
  const ref = analysis.upstream.find((r) => r.license?.tree && leaves(r.license.tree).includes(id));
  if (ref) return { path: ref.ref.path, ...(ref.ref.line !== undefined && { line: ref.ref.line }), via: ref.kind };
  return { path: unitPath(analysis.unit), via: 'unit' };
}

/** Reports each use-restricted licence in each unit's effective licence, naming the restriction. */
export function checkUseRestriction(cx: CheckContext): void {
  for (const analysis of cx.analyses) {
    if (!analysis.effective) continue;
    for (const id of leaves(analysis.effective.tree)) {
      const restriction = restrictionsOf(id)?.use;
      if (!restriction) continue;
      const from = origin(analysis, id);
      const license = KNOWN_REFS[id]?.name ?? id;
      cx.report(useRestriction, 'restricted', {
        path: from.path,
        ...(from.line !== undefined && { location: { line: from.line } }),
        data: { kind: analysis.unit.kind, name: unitName(analysis.unit), license, restriction },
        evidence: { license: id, via: from.via },
      });
    }
  }
}
