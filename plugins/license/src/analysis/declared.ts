import { andAll, type LicenseNode, parseExpression } from '../licenses/expression.js';
import type { Declaration, SourceKind, Unit } from '../tree/unit.js';

/** Sources in the order they decide a unit's declared licence: the card speaks first. */
export const SOURCE_PRIORITY: readonly (readonly SourceKind[])[] = [
  ['card', 'modelcard'],
  ['provenance', 'manifest', 'dataset_info'],
  ['LICENSE'],
  ['gguf', 'safetensors'],
];

/** The licence a unit declares itself, and which declarations it came from. */
export interface DeclaredLicense {
  readonly expression: string;
  readonly tree: LicenseNode;
  /** The declarations of the deciding source group. */
  readonly from: readonly Declaration[];
}

/** The declarations of the first source group that has any usable (parsed) expression. */
export function primaryGroup(unit: Unit): Declaration[] {
  for (const group of SOURCE_PRIORITY) {
    const found = unit.declarations.filter((d) => group.includes(d.from) && d.resolved.expression !== undefined);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * A unit's declared licence: the AND of its highest-priority source group's expressions;
 * failing those, the identified text of a licence file in a directory above it.
 */
export function declaredLicense(unit: Unit): DeclaredLicense | undefined {
  let from = primaryGroup(unit);
  if (from.length === 0) {
    from = unit.inheritedLicenseFiles
      .filter((f) => f.identification?.id)
      .map((f) => ({ from: 'LICENSE' as const, path: f.path, value: f.identification!.id!, resolved: { raw: f.identification!.id!, expression: f.identification!.id!, unknown: [] } }));
  }
  const expression = andAll(from.map((d) => d.resolved.expression!));
  if (!expression) return undefined;
  return { expression, tree: parseExpression(expression), from };
}
