import type { CheckContext } from '../analysis/check-context.js';
import { missingLicense } from './declarations.js';
import { unitName, unitPath } from '../tree/unit.js';

/** Reports units that declare no licence and hold no licence text at all. */
export function checkMissingLicense(cx: CheckContext): void {
  for (const { unit, declared } of cx.analyses) {
    if (declared) continue;
    // A licence file of unknown text is a licence: the unknown-license rule speaks about it.
    if ([...unit.licenseFiles, ...unit.inheritedLicenseFiles].some((f) => !f.notText)) continue;
    if (unit.declarations.length > 0) continue; // declared, but unparsable: unknown-license reports it
    const name = unitName(unit);
    const note = unit.notes.find((n) => n.note === 'declared-unknown');
    const evidence = { directory: unit.dir || '.', documents: [...new Set(unit.declarations.map((d) => d.path))], weights: unit.weights.slice(0, 5) };
    if (note) {
      cx.report(missingLicense, 'declaredUnknown', { path: note.path, ...(note.line !== undefined && { location: { line: note.line } }), data: { kind: unit.kind, name }, evidence });
    } else {
      cx.report(missingLicense, unit.kind, { path: unitPath(unit), data: { name }, evidence });
    }
  }
}
