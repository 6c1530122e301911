import * as pep440 from '@renovatebot/pep440';
import { compareKeys, versionKey } from './version-key.js';

/** One clause of a PEP 440 specifier. */
export interface Clause {
  op: '===' | '==' | '!=' | '~=' | '<=' | '>=' | '<' | '>';
  version: string;
  /** `==1.2.*` / `!=1.2.*`. */
  wildcard: boolean;
}

const CLAUSE = /^\s*(===|==|!=|~=|<=|>=|<|>)\s*([^\s,;]+)\s*$/;

/** A specifier split into clauses, or the reason it is invalid. */
export type ParsedSpecifier = { ok: true; clauses: Clause[]; text: string } | { ok: false; detail: string };

/**
 * Parses a PEP 440 specifier (`>=1.0, <2`, `==2.1.*`, `~=1.4.2`), checking every version with
 * `@renovatebot/pep440`. `===` accepts any string, as PEP 440 says.
 */
export function parseSpecifier(spec: string): ParsedSpecifier {
  const trimmed = spec.trim();
  if (trimmed === '') return { ok: true, clauses: [], text: '' };
  const clauses: Clause[] = [];
  for (const part of trimmed.split(',')) {
    const m = CLAUSE.exec(part);
    if (!m) return { ok: false, detail: `invalid specifier clause "${part.trim()}"` };
    const op = m[1] as Clause['op'];
    let version = m[2]!;
    const wildcard = (op === '==' || op === '!=') && version.endsWith('.*');
    if (wildcard) version = version.slice(0, -2);
    if (op !== '===' && pep440.valid(version) === null) return { ok: false, detail: `invalid version "${m[2]}"` };
    if (op === '~=' && (pep440.explain(version)?.release.length ?? 0) < 2) return { ok: false, detail: `~= needs at least two release segments: "${m[2]}"` };
    clauses.push({ op, version, wildcard });
  }
  return { ok: true, clauses, text: clauses.map((c) => `${c.op}${c.version}${c.wildcard ? '.*' : ''}`).join(',') };
}

/** The exact version a specifier pins (`==X` without wildcard, or `===X`), if any. */
export function pinnedVersion(clauses: Clause[]): string | undefined {
  const exact = clauses.find((c) => (c.op === '==' && !c.wildcard) || c.op === '===');
  return exact?.version;
}

/** Public part of a version (`2.1.0+cu121` → `2.1.0`). */
function publicPart(version: string): string {
  const plus = version.indexOf('+');
  return plus === -1 ? version : version.slice(0, plus);
}

/**
 * One clause, PEP 440 semantics: ordered comparisons on cached keys (with `<V` excluding
 * pre-releases of V and `>V` excluding post-releases of V), `==`/`!=` ignoring the candidate's local
 * label when the clause has none; wildcards and `~=` through `@renovatebot/pep440`.
 */
function satisfiesClause(version: string, c: Clause): boolean {
  if (c.op === '===') return c.version === version;
  if (c.wildcard || c.op === '~=') {
    try {
      return pep440.satisfies(version, `${c.op}${c.version}${c.wildcard ? '.*' : ''}`, { prereleases: true });
    } catch {
      return false;
    }
  }
  const candidate = c.version.includes('+') ? version : publicPart(version);
  const cmp = compareVersions(candidate, c.version);
  switch (c.op) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<=':
      return cmp <= 0;
    case '>=':
      return cmp >= 0;
    case '<': {
      if (cmp >= 0) return false;
      const v = pep440.explain(candidate);
      const spec = pep440.explain(c.version);
      return !(v?.is_prerelease && !spec?.is_prerelease && v.base_version === spec?.base_version);
    }
    case '>': {
      if (cmp <= 0) return false;
      const v = pep440.explain(candidate);
      const spec = pep440.explain(c.version);
      return !(v?.is_postrelease && !spec?.is_postrelease && v.base_version === spec?.base_version);
    }
  }
  return false;
}

/** Whether `version` satisfies every clause (pre-releases allowed: the caller decides). */
export function satisfiesAll(version: string, clauses: Clause[]): boolean {
  if (clauses.some((c) => c.op !== '===') && versionKey(version) === null) return false;
  return clauses.every((c) => satisfiesClause(version, c));
}

/**
 * The newest version a specifier allows, as a bound: `{ version, inclusive }`, or undefined when
 * it has no upper bound. `~=1.4.2` → `<1.5`; `==1.4.*` → `<1.5`; `<2` → `<2`; `<=2` → `<=2`.
 */
export function upperBound(clauses: Clause[]): { version: string; inclusive: boolean } | undefined {
  let best: { version: string; inclusive: boolean } | undefined;
  const consider = (version: string, inclusive: boolean) => {
    if (!best) {
      best = { version, inclusive };
      return;
    }
    const cmp = compareVersions(version, best.version);
    if (cmp < 0 || (cmp === 0 && !inclusive)) best = { version, inclusive };
  };
  for (const c of clauses) {
    if (c.op === '<') consider(c.version, false);
    else if (c.op === '<=' || (c.op === '==' && !c.wildcard) || c.op === '===') consider(c.version, true);
    else if (c.op === '~=' || (c.op === '==' && c.wildcard)) {
      const release = pep440.explain(c.version)?.release ?? [];
      const keep = c.op === '~=' ? release.slice(0, -1) : release.slice();
      if (keep.length === 0) continue;
      keep[keep.length - 1] = keep[keep.length - 1]! + 1;
      consider(keep.join('.'), false);
    }
  }
  return best;
}

/** Whether `version` is a valid PEP 440 version. */
export function isValidVersion(version: string): boolean {
  return pep440.valid(version) !== null;
}

/** Normalised form of a version (`1.0.0-rc1` → `1.0.0rc1`), or the input when invalid. */
export function normalizeVersion(version: string): string {
  return pep440.clean(version) ?? version;
}

/** PEP 440 comparison (keys cached per version string); invalid versions sort first. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const ka = versionKey(a);
  const kb = versionKey(b);
  if (!ka || !kb) return ka ? 1 : kb ? -1 : 0;
  return compareKeys(ka, kb);
}

/** The local version label (`2.1.0+cu121` → `cu121`), if any. */
export function localLabel(version: string): string | undefined {
  const at = version.indexOf('+');
  return at === -1 ? undefined : version.slice(at + 1).toLowerCase();
}

/** `major.minor` of a version, if it has both. */
export function majorMinor(version: string): string | undefined {
  const release = pep440.explain(version)?.release;
  return release && release.length >= 1 ? `${release[0]}.${release[1] ?? 0}` : undefined;
}
