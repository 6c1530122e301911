import type { CheckContext } from '../analysis/check-context.js';
import { type Imposed, imposedRestrictions } from '../analysis/restrictions-of.js';
import { RESTRICTION_LABELS } from '../licenses/restrictions.js';
import { upstreamConflict } from './declarations.js';
import { unitName } from '../tree/unit.js';

/** True when the model's own restrictions carry over an upstream restriction. */
function carries(own: readonly Imposed[], upstream: Imposed): boolean {
  if (upstream.kind === 'family') return own.some((o) => o.kind === 'family' && o.detail === upstream.detail);
  return own.some((o) => o.kind === upstream.kind);
}

/** Describes a restriction for a message: `non-commercial (CC-BY-NC-4.0)`. */
export function describe(imposed: Imposed): string {
  const what = imposed.kind === 'family' ? `${imposed.detail} licence terms passed to derivatives` : RESTRICTION_LABELS[imposed.kind];
  return `${what} (${imposed.ids.join(', ')})`;
}

/** Reports models whose declared licence drops a restriction of an upstream licence. */
export function checkUpstreamConflict(cx: CheckContext): void {
  for (const { unit, declared, upstream } of cx.analyses) {
    if (unit.kind !== 'model' || !declared) continue;
    const own = imposedRestrictions(declared.tree);
    if (!own) continue; // a licence of unknown terms might carry them: nothing to say
    for (const ref of upstream) {
      if (!ref.license?.tree) continue;
      const imposed = imposedRestrictions(ref.license.tree);
      const dropped = (imposed ?? []).filter((r) => !carries(own, r));
      if (dropped.length === 0) continue;
      cx.report(upstreamConflict, ref.kind === 'base_model' ? 'baseModel' : 'dataset', {
        path: ref.ref.path,
        ...(ref.ref.line !== undefined && { location: { line: ref.ref.line } }),
        data: {
          name: unitName(unit),
          license: declared.expression,
          upstream: ref.ref.name,
          upstreamLicense: ref.license.expression!,
          restriction: dropped.map(describe).join('; '),
        },
        evidence: {
          license: declared.expression,
          upstream: { kind: ref.kind, name: ref.ref.name, expression: ref.license.expression, via: ref.via, ...(ref.unit && { path: ref.unit.dir || '.' }) },
          dropped: dropped.map((d) => ({ restriction: d.kind, ids: d.ids, ...(d.detail && { detail: d.detail }) })),
        },
      });
    }
  }
}
