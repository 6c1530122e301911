import { resolveLicense } from '../licenses/resolve.js';
import type { CardInfo } from '../sources/card.js';
import type { SourceKind, Unit } from './unit.js';

/** Adds what a card (front matter or `modelcard.yaml`) declares to its unit. */
export function addCard(unit: Unit, card: CardInfo, path: string, from: Extract<SourceKind, 'card' | 'modelcard'>): void {
  unit.names.unshift(...card.names);
  unit.primary ??= path;
  if (card.licenseLink) unit.licenseLink = card.licenseLink;
  for (const license of card.licenses) {
    const lower = license.value.toLowerCase();
    if (lower === 'other') {
      if (card.licenseName) {
        unit.declarations.push({ from, path, line: card.licenseName.line ?? license.line, value: `other (license_name: ${card.licenseName.value})`, resolved: resolveLicense(card.licenseName.value) });
      } else {
        unit.notes.push({ path, ...(license.line !== undefined && { line: license.line }), note: 'other-unnamed' });
        unit.declarations.push({ from, path, ...(license.line !== undefined && { line: license.line }), value: 'other', resolved: { raw: 'other', expression: 'LicenseRef-other', unknown: [] } });
      }
      continue;
    }
    const resolved = resolveLicense(license.value);
    if (resolved.declaredUnknown) {
      unit.notes.push({ path, ...(license.line !== undefined && { line: license.line }), note: 'declared-unknown' });
      continue;
    }
    unit.declarations.push({ from, path, ...(license.line !== undefined && { line: license.line }), value: license.value, resolved });
  }
  // Conflicts inside the card: a key declared twice with different values, or a license_name
  // naming a different licence than a license that is not `other`.
  for (const duplicate of card.duplicates) {
    if (duplicate.key !== 'license') continue;
    const values = card.licenses.filter((l) => l.line !== undefined && duplicate.lines.includes(l.line)).map((l) => l.value);
    const expressions = new Set(values.map((v) => resolveLicense(v).expression ?? v));
    if (expressions.size > 1) unit.conflicts.push({ path, key: 'license', lines: duplicate.lines, values });
  }
  const declared = card.licenses.filter((l) => l.value.toLowerCase() !== 'other');
  if (card.licenseName && declared.length > 0) {
    const named = resolveLicense(card.licenseName.value);
    const others = declared.filter((l) => named.expression && named.unknown.length === 0 && resolveLicense(l.value).expression !== named.expression);
    if (others.length > 0) {
      unit.conflicts.push({
        path,
        key: 'license_name',
        lines: [...others.map((l) => l.line ?? 0), card.licenseName.line ?? 0],
        values: [...others.map((l) => l.value), card.licenseName.value],
      });
    }
  }
  for (const base of card.baseModels) unit.baseModels.push({ name: base.value, ...(base.line !== undefined && { line: base.line }), path, from });
  for (const dataset of card.datasets) unit.datasets.push({ name: dataset.value, ...(dataset.line !== undefined && { line: dataset.line }), path, from });
}
