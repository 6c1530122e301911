import * as pep440 from '@renovatebot/pep440';

/** A PEP 440 sort key: [epoch, release without trailing zeros, pre, post, dev, local]. */
export type VersionKey = readonly unknown[];

const cache = new Map<string, VersionKey | null>();
/** Keys cached per worker; the map is cleared past this size so memory stays bounded. */
const MAX_CACHED = 200_000;

/**
 * The PEP 440 ordering key of a version (the same ordering as `packaging`'s `_cmpkey` and
 * `@renovatebot/pep440`), parsed once per distinct string: matching 1,000 requirements against a
 * whole advisory database compares the same few thousand versions over and over.
 */
export function versionKey(version: string): VersionKey | null {
  let key = cache.get(version);
  if (key !== undefined) return key;
  const v = pep440.parse(version) as { epoch: number; release: number[]; pre: unknown[] | null; post: unknown[] | null; dev: unknown[] | null; local: unknown } | null;
  if (!v) key = null;
  else {
    const release = [...v.release];
    while (release.length && release[release.length - 1] === 0) release.pop();
    const hasPre = Array.isArray(v.pre) && v.pre.length > 0;
    const hasPost = Array.isArray(v.post) && v.post.length > 0;
    const hasDev = Array.isArray(v.dev) && v.dev.length > 0;
    const local = v.local as unknown;
    key = [
      v.epoch,
      release,
      !hasPre && !hasPost && hasDev ? -Infinity : hasPre ? v.pre : Infinity,
      hasPost ? v.post : -Infinity,
      hasDev ? v.dev : Infinity,
      Array.isArray(local) && local.length ? local.map((part) => (Number.isNaN(Number(part)) ? [-Infinity, String(part)] : [Number(part), ''])) : -Infinity,
    ];
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(version, key);
  return key;
}

/** Python-style comparison of nested keys (lists lexicographically, ±Infinity as bounds). */
export function compareKeys(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (Array.isArray(a) !== Array.isArray(b)) {
    a = Array.isArray(a) ? a : [a];
    b = Array.isArray(b) ? b : [b];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const len = Math.min(a.length, b.length);
    for (let i = 0; i < len; i++) {
      const r = compareKeys(a[i], b[i]);
      if (r !== 0) return r;
    }
    return a.length - b.length;
  }
  if (a === -Infinity || b === Infinity) return -1;
  if (a === Infinity || b === -Infinity) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}
