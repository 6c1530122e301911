import type { CheckContext } from '../analysis/check-context.js';
import { unknownLicense } from './declarations.js';

/** Reports unknown, unparsable and unnamed licences, and licence texts nothing matches. */
export function checkUnknownLicense(cx: CheckContext): void {
  for (const { unit } of cx.analyses) {
    for (const d of unit.declarations) {
      const location = d.line !== undefined ? { location: { line: d.line } } : {};
      const evidence = { from: d.from, value: d.resolved.raw };
      if (d.resolved.unparsable) {
        cx.report(unknownLicense, 'unparsable', { path: d.path, ...location, data: { value: d.resolved.raw, error: d.resolved.unparsable }, evidence });
        continue;
      }
      for (const value of d.resolved.unknown) {
        const suggestion = d.resolved.unknown.length === 1 ? d.resolved.suggestion : undefined;
        if (suggestion) cx.report(unknownLicense, 'unknownSuggest', { path: d.path, ...location, data: { value, suggestion }, evidence: { ...evidence, suggestion } });
        else cx.report(unknownLicense, 'unknown', { path: d.path, ...location, data: { value }, evidence });
      }
    }
    for (const note of unit.notes) {
      if (note.note === 'other-unnamed') cx.report(unknownLicense, 'otherUnnamed', { path: note.path, ...(note.line !== undefined && { location: { line: note.line } }) });
    }
    // A licence text nothing matches matters when nothing else says what the licence is
    // (with a card declaring one, license-mismatch compares them instead).
    const declaredElsewhere = unit.declarations.some((d) => d.from !== 'LICENSE' && d.resolved.expression !== undefined);
    if (declaredElsewhere) continue;
    for (const file of unit.licenseFiles) {
      if (file.notText || file.identification?.id) continue;
      const best = file.identification?.best;
      cx.report(unknownLicense, 'unidentifiedFile', {
        path: file.path,
        data: { file: file.path, closest: best?.id ?? 'none', similarity: best ? `${Math.round(best.score * 100)}%` : '0%' },
        evidence: { ...(best && { closest: best.id, similarity: best.score }), truncated: file.truncated },
      });
    }
  }
}
