import { ALLOWLIST, ALLOW_PATTERNS } from './allowlist.js';
import { DANGEROUS_DUNDERS, EMBEDDED_ROOTS, MODULE_ALIASES } from './aliases.js';
import { DENYLIST } from './denylist.js';
import { mapPy2 } from './py2-names.js';

/** What the lists say about one global. */
export type Verdict = { level: 'deny'; category: string; matched: string } | { level: 'allow' } | { level: 'unknown' };

/** User additions from the config (`pickle: { allow, deny }`). */
export interface PolicyOptions {
  allow?: readonly string[];
  deny?: readonly string[];
}

/** Replaces a leading alias (longest match on whole components). */
function unalias(parts: string[]): string[] {
  for (let n = Math.min(parts.length, 3); n >= 1; n--) {
    const target = MODULE_ALIASES[parts.slice(0, n).join('.')];
    if (target !== undefined) return [...target.split('.'), ...parts.slice(n)];
  }
  return parts;
}

function denyMatch(parts: readonly string[]): { category: string; matched: string } | undefined {
  for (let n = parts.length; n >= 1; n--) {
    const key = parts.slice(0, n).join('.');
    const category = DENYLIST[key];
    if (category !== undefined) return { category, matched: key };
  }
  return undefined;
}

/** Matches an entry with `*` components (one non-underscore component each) or a trailing `.**`/`.*` user wildcard. */
function patternMatch(pattern: string, parts: readonly string[], userWildcard: boolean): boolean {
  const want = pattern.split('.');
  if (userWildcard && want[want.length - 1] === '*' && !want.slice(0, -1).includes('*')) {
    const prefix = want.slice(0, -1);
    return parts.length > prefix.length && prefix.every((p, i) => parts[i] === p);
  }
  if (want.length !== parts.length) return false;
  return want.every((p, i) => (p === '*' ? !parts[i]!.startsWith('_') && parts[i]!.length > 0 : p === parts[i]));
}

function userMatch(entries: readonly string[] | undefined, paths: readonly string[][]): string | undefined {
  if (!entries) return undefined;
  for (const entry of entries) {
    for (const parts of paths) {
      if (entry.includes('*') ? patternMatch(entry, parts, true) : entry === parts.join('.')) return entry;
    }
  }
  return undefined;
}

/**
 * Checks every reading of the dotted path against the denylist: as written, after aliasing,
 * and from every component that names a commonly re-exported module (`argparse._os.system`
 * is `os.system`).
 */
function denyVerdict(parts: readonly string[]): Verdict | undefined {
  const direct = denyMatch(unalias([...parts]));
  if (direct) return { level: 'deny', ...direct };
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (DANGEROUS_DUNDERS.has(part)) return { level: 'deny', category: 'interpreter internals', matched: part };
    const bare = part.replace(/^_+/, '');
    if (EMBEDDED_ROOTS.has(part) || EMBEDDED_ROOTS.has(bare)) {
      const root = EMBEDDED_ROOTS.has(part) ? part : bare;
      const [module, name] = mapPy2(root, parts.slice(i + 1).join('.'));
      const rest = unalias([...module.split('.'), ...(name ? name.split('.') : [])]);
      const hit = denyMatch(rest);
      if (hit) return { level: 'deny', ...hit, matched: `${parts.slice(0, i + 1).join('.')} → ${hit.matched}` };
    }
  }
  return undefined;
}

/**
 * Classifies `(module, name)` as the unpickler would import it: Python 2 names mapped, dotted
 * names split, aliases resolved. Order: the user's denylist, the user's allowlist, the built-in
 * denylist, the built-in allowlist; anything else is unknown.
 */
export function classifyGlobal(module: string, name: string, options: PolicyOptions = {}): { path: string; verdict: Verdict } {
  const [m, n] = mapPy2(module, name);
  const written = [...m.split('.'), ...n.split('.')];
  const resolved = unalias([...written]);
  const path = resolved.join('.');
  const readings = [written, resolved];
  const userDeny = userMatch(options.deny, readings);
  if (userDeny) return { path, verdict: { level: 'deny', category: 'denied by configuration', matched: userDeny } };
  const userAllow = userMatch(options.allow, readings);
  const builtInDeny = denyVerdict(written);
  // A user wildcard never lifts a built-in denial; an exact user entry does.
  if (userAllow && (!builtInDeny || !userAllow.includes('*'))) return { path, verdict: { level: 'allow' } };
  if (builtInDeny) return { path, verdict: builtInDeny };
  if (ALLOWLIST.has(path) || ALLOW_PATTERNS.some((p) => patternMatch(p, resolved, false))) return { path, verdict: { level: 'allow' } };
  return { path, verdict: { level: 'unknown' } };
}
