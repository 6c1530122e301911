import { unitName } from '../tree/unit.js';
import type { UnitAnalysis } from './analyze.js';

/**
 * The inventory entry of a model or dataset (JSON report `inventory.license`): its effective
 * licence expression, what it declares itself, and every source of each part.
 */
export function inventoryEntry(analysis: UnitAnalysis): Record<string, unknown> {
  const { unit } = analysis;
  const sources: Record<string, unknown>[] = [];
  for (const d of unit.declarations) {
    sources.push({ from: d.from, path: d.path, value: d.value, ...(d.line !== undefined && { line: d.line }), expression: d.resolved.expression ?? null });
  }
  for (const file of unit.licenseFiles) {
    if (file.identification?.id) continue;
    sources.push({
      from: 'LICENSE',
      path: file.path,
      value: file.notText ? 'not text' : 'unidentified',
      expression: null,
      ...(file.identification?.best && { closest: file.identification.best.id, similarity: file.identification.best.score }),
    });
  }
  if (!analysis.declared || analysis.declared.from.some((d) => unit.inheritedLicenseFiles.some((f) => f.path === d.path))) {
    for (const file of unit.inheritedLicenseFiles) {
      sources.push({ from: 'LICENSE', path: file.path, value: file.identification?.id ?? 'unidentified', expression: file.identification?.id ?? null, inherited: true });
    }
  }
  if (unit.licenseLink) sources.push({ from: 'card', path: unit.primary ?? '', value: unit.licenseLink.value, field: 'license_link' });
  for (const ref of analysis.upstream) {
    sources.push({
      from: ref.kind,
      path: ref.ref.path,
      value: ref.ref.name,
      ...(ref.ref.line !== undefined && { line: ref.ref.line }),
      expression: ref.license?.expression ?? null,
      ...(ref.via && { via: ref.via }),
      ...(ref.unit && { matched: ref.unit.dir || '.' }),
    });
  }
  return {
    kind: unit.kind,
    name: unitName(unit),
    path: unit.dir || '.',
    expression: analysis.effective?.expression ?? null,
    declared: analysis.declared?.expression ?? null,
    sources,
  };
}
