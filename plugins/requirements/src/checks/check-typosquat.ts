import { isOneEditAway } from '../data/edit-distance.js';
import { KNOWN_NEIGHBOURS, MIN_TYPOSQUAT_LENGTH, POPULAR_PACKAGES } from '../data/popular-packages.js';
import type { Requirement } from '../model.js';
import { typosquat } from '../rules/typosquat.js';
import { normalizeName } from '../text/names.js';
import type { CheckContext } from './context.js';

const POPULAR = new Set(POPULAR_PACKAGES);
const KNOWN = new Set(KNOWN_NEIGHBOURS);

/** The popular package `key` is one edit away from, if it is not a known package itself. */
export function typosquatTarget(key: string, extraPopular: readonly string[] = [], knows: (key: string) => boolean = () => false): string | undefined {
  if (!key || POPULAR.has(key) || KNOWN.has(key)) return undefined;
  const extra = extraPopular.length ? extraPopular.map(normalizeName) : [];
  if (extra.includes(key)) return undefined;
  const near = (popular: string) => popular.length >= MIN_TYPOSQUAT_LENGTH && Math.abs(popular.length - key.length) <= 1 && isOneEditAway(key, popular);
  const popular = POPULAR_PACKAGES.find(near) ?? extra.find(near);
  return popular !== undefined && !knows(key) ? popular : undefined;
}

/**
 * `typosquat`: a name one edit (insertion, deletion, substitution, adjacent swap) from a popular
 * ML package. A name the advisory data knows for real (non-malicious) advisories is a real package.
 */
export function checkTyposquat(req: Requirement, ctx: CheckContext): void {
  if (req.conda || !req.key) return;
  const knows = (key: string) => (ctx.advisories?.advisories(key) ?? []).some((a) => !a.malicious);
  const popular = typosquatTarget(req.key, ctx.extraPopular, knows);
  if (popular) ctx.report(typosquat, 'typosquat', { path: req.path, location: { line: req.line }, data: { name: req.name, popular }, evidence: { name: req.key, popular } });
}
