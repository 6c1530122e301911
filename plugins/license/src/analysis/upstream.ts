import { knownBaseModelLicense } from '../licenses/known-models.js';
import { type ResolvedLicense, resolveLicense } from '../licenses/resolve.js';
import type { Reference, Unit } from '../tree/unit.js';
import { type DeclaredLicense, declaredLicense } from './declared.js';

/** A base model or dataset a unit names, with the licence found for it. */
export interface ResolvedRef {
  readonly ref: Reference;
  readonly kind: 'base_model' | 'dataset';
  /** The unit of the scan it was matched to by name or path. */
  readonly unit?: Unit;
  readonly license?: ResolvedLicense;
  /** How the licence was found: the matched unit's own declarations, the reference itself, or the table of well-known models. */
  readonly via?: 'tree' | 'reference' | 'known-model';
}

/** Lower-case keys a name can be matched by: whole (scheme, `datasets/`, revision stripped) and last segment. */
export function matchKeys(name: string): string[] {
  const whole = name
    .trim()
    .toLowerCase()
    .replace(/^(hf|huggingface|s3|gs|https?):(\/\/)?/, '')
    .replace(/^(www\.)?huggingface\.co\//, '')
    .replace(/^datasets\//, '')
    .replace(/[@#].*$/, '')
    .replace(/^\.\//, '')
    .replace(/\/+$/, '');
  const last = whole.slice(whole.lastIndexOf('/') + 1);
  return [...new Set([whole, last].filter(Boolean))];
}

/** Finds the unit of the wanted kind a reference names: by path from the referring file, then by name. */
function findUnit(ref: Reference, kind: Unit['kind'], units: readonly Unit[], self: Unit): Unit | undefined {
  const candidates = units.filter((u) => u !== self && u.kind === kind);
  const refDir = ref.path.includes('/') ? ref.path.slice(0, ref.path.lastIndexOf('/')) : '';
  if (/^\.{0,2}\//.test(ref.name) || /^[\w.-]+(\/[\w.-]+)+$/.test(ref.name)) {
    const joined = [...(refDir ? refDir.split('/') : []), ...ref.name.split('/')].reduce<string[]>((parts, part) => {
      if (part === '..') parts.pop();
      else if (part && part !== '.') parts.push(part);
      return parts;
    }, []).join('/');
    const byPath = candidates.find((u) => u.dir === joined || u.dir === ref.name.replace(/^\.\//, ''));
    if (byPath) return byPath;
  }
  const [whole, last] = matchKeys(ref.name);
  const keysOf = (u: Unit) => u.names.flatMap(matchKeys);
  return candidates.find((u) => keysOf(u).includes(whole!)) ?? (last ? candidates.find((u) => keysOf(u).includes(last)) : undefined);
}

/** Resolves every base model and dataset a unit names to a licence, where one can be found. */
export function resolveUpstream(unit: Unit, units: readonly Unit[], declared: (u: Unit) => DeclaredLicense | undefined = declaredLicense): ResolvedRef[] {
  const out: ResolvedRef[] = [];
  const resolveOne = (ref: Reference, kind: ResolvedRef['kind']): ResolvedRef => {
    const match = findUnit(ref, kind === 'base_model' ? 'model' : 'dataset', units, unit);
    const matched = match && declared(match);
    if (matched) return { ref, kind, unit: match!, license: { raw: matched.expression, expression: matched.expression, tree: matched.tree, unknown: [] }, via: 'tree' };
    if (ref.license) return { ref, kind, ...(match && { unit: match }), license: resolveLicense(ref.license.value), via: 'reference' };
    const known = kind === 'base_model' ? knownBaseModelLicense(ref.name) : undefined;
    if (known) return { ref, kind, ...(match && { unit: match }), license: resolveLicense(known), via: 'known-model' };
    return { ref, kind, ...(match && { unit: match }) };
  };
  for (const ref of unit.baseModels) out.push(resolveOne(ref, 'base_model'));
  for (const ref of unit.datasets) out.push(resolveOne(ref, 'dataset'));
  return out;
}
