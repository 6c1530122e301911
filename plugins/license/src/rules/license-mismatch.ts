import type { CheckContext } from '../analysis/check-context.js';
import { primaryGroup } from '../analysis/declared.js';
import { overlaps } from '../analysis/same-license.js';
import { andAll, leaves, parseExpression } from '../licenses/expression.js';
import { licenseMismatch } from './declarations.js';
import { CONTAINMENT_THRESHOLD, containment } from '../text/identify.js';
import { templateOf } from '../text/templates.js';

const percent = (n: number): string => `${Math.round(n * 100)}%`;

/** Compares each unit's deciding declaration with its licence files and other sources. */
export function checkLicenseMismatch(cx: CheckContext): void {
  for (const { unit } of cx.analyses) {
    for (const conflict of unit.conflicts) {
      cx.report(licenseMismatch, 'cardConflict', {
        path: conflict.path,
        location: { line: conflict.lines[0] ?? 1 },
        data: { path: conflict.path, key: conflict.key, values: conflict.values.join(', '), lines: conflict.lines.join(', ') },
        evidence: { values: conflict.values, lines: conflict.lines },
      });
    }
    const group = primaryGroup(unit);
    const first = group[0];
    if (!first) continue;
    const declared = andAll(group.map((d) => d.resolved.expression!))!;
    const tree = parseExpression(declared);
    const at = { path: first.path, ...(first.line !== undefined && { location: { line: first.line } }) };
    if (first.from !== 'LICENSE') {
      const withText = leaves(tree).filter((id) => templateOf(id));
      for (const file of unit.licenseFiles) {
        if (file.notText || !file.identification) continue;
        const { id, best, fingerprint } = file.identification;
        if (id && overlaps(parseExpression(id), tree)) continue;
        if (withText.some((leaf) => (containment(fingerprint, leaf) ?? 0) >= CONTAINMENT_THRESHOLD)) continue;
        const evidence = { declared, file: file.path, ...(best && { closest: best.id, similarity: best.score }), truncated: file.truncated };
        if (id) cx.report(licenseMismatch, 'fileDiffers', { ...at, data: { path: first.path, declared, file: file.path, found: id, similarity: percent(best!.score) }, evidence });
        else if (withText.length > 0) cx.report(licenseMismatch, 'fileUnmatched', { ...at, data: { path: first.path, declared, file: file.path, found: best?.id ?? 'none', similarity: percent(best?.score ?? 0) }, evidence });
      }
    }
    for (const d of unit.declarations) {
      if (group.includes(d) || d.from === 'LICENSE' || !d.resolved.tree || d.resolved.unknown.length > 0) continue;
      if (overlaps(d.resolved.tree, tree)) continue;
      cx.report(licenseMismatch, 'sourceDiffers', {
        ...at,
        data: { path: first.path, declared, from: d.from, file: d.path, found: d.resolved.expression! },
        evidence: { declared, other: { from: d.from, path: d.path, value: d.value, expression: d.resolved.expression } },
      });
    }
  }
}
