import type { Clause } from '../text/pep440.js';
import { compareVersions, normalizeVersion, satisfiesAll, upperBound } from '../text/pep440.js';
import type { AdvisoryIndexFile, AdvisoryRecord, RangeEvent } from './types.js';

/** Whether a version is affected by an advisory, and the first fixed version after it. */
export interface VersionMatch {
  affected: boolean;
  fixed?: string;
}

/** One advisory that a requirement's range admits. */
export interface RangeMatch {
  advisory: AdvisoryRecord;
  /** The newest version the specifier allows is affected (pip would install a vulnerable version). */
  newestAffected: boolean;
  /** Lowest version that fixes it above the admitted versions, when known. */
  fixed?: string;
}

/** Sorted events: `introduced: 0` first, then by PEP 440 order; for each range. */
type Sorted = RangeEvent[][];

/**
 * The loaded advisory data with OSV matching: a version is affected when an ECOSYSTEM range
 * contains it (introduced ≤ v < fixed, v ≤ last_affected, v < limit) or `versions` lists it.
 * Per-advisory sorted events and version sets are built lazily, once.
 */
export class AdvisoryIndex {
  private readonly sorted = new WeakMap<AdvisoryRecord, Sorted>();
  private readonly versionSets = new WeakMap<AdvisoryRecord, Set<string>>();

  constructor(readonly data: AdvisoryIndexFile) {}

  /** Advisories of a normalised package name. */
  advisories(key: string): readonly AdvisoryRecord[] {
    return Object.hasOwn(this.data.packages, key) ? this.data.packages[key]! : [];
  }

  /** Whether the data names this package at all. */
  knows(key: string): boolean {
    return Object.hasOwn(this.data.packages, key);
  }

  /** Matches one exact version against one advisory. */
  matchVersion(advisory: AdvisoryRecord, version: string): VersionMatch {
    const v = normalizeVersion(version.split('+')[0]!);
    let affected = this.versionSet(advisory).has(v);
    let fixed: string | undefined;
    for (const events of this.sortedRanges(advisory)) {
      const r = evaluate(events, v);
      if (r.affected) {
        affected = true;
        fixed ??= r.fixed;
      }
    }
    if (affected && fixed === undefined) fixed = this.firstFixedAbove(advisory, v);
    return { affected, ...(fixed !== undefined && { fixed }) };
  }

  /**
   * Matches a version range (a specifier's clauses) against one advisory: whether it admits an
   * affected version (a listed one, an `introduced` version, or a bound of the specifier), and
   * whether its newest allowed version is affected (no upper bound → the newest release).
   */
  matchRange(advisory: AdvisoryRecord, clauses: Clause[]): RangeMatch | undefined {
    const candidates = new Set<string>(advisory.versions);
    for (const events of this.sortedRanges(advisory)) for (const [kind, version] of events) if (kind === 'i' && version !== '0') candidates.add(version);
    for (const c of clauses) if (c.op === '>=' || c.op === '==' || c.op === '~=' || c.op === '<=' || c.op === '===') candidates.add(c.version);
    let admitted = false;
    for (const candidate of candidates) {
      if (satisfiesAll(candidate, clauses) && this.matchVersion(advisory, candidate).affected) {
        admitted = true;
        break;
      }
    }
    const newestAffected = this.newestAffected(advisory, clauses);
    if (!admitted && !newestAffected) return undefined;
    const fixed = this.firstFixedAbove(advisory, '0');
    return { advisory, newestAffected, ...(fixed !== undefined && { fixed }) };
  }

  private newestAffected(advisory: AdvisoryRecord, clauses: Clause[]): boolean {
    const bound = upperBound(clauses);
    const ranges = this.sortedRanges(advisory);
    if (!bound) {
      // No upper bound: the newest release. Affected when a range never closes.
      return ranges.some((events) => {
        let open = false;
        for (const [kind] of events) open = kind === 'i';
        return open;
      });
    }
    if (bound.inclusive) return this.matchVersion(advisory, bound.version).affected;
    // Just below an exclusive bound: affected when a range is open at that point.
    return ranges.some((events) => {
      let open = false;
      for (const [kind, version] of events) {
        if (compareVersions(version, bound.version) < 0) open = kind === 'i';
      }
      return open;
    });
  }

  private firstFixedAbove(advisory: AdvisoryRecord, version: string): string | undefined {
    let best: string | undefined;
    for (const events of this.sortedRanges(advisory)) {
      for (const [kind, v] of events) {
        if (kind === 'f' && compareVersions(v, version) > 0 && (best === undefined || compareVersions(v, best) > 0)) best = v;
      }
    }
    return best;
  }

  private sortedRanges(advisory: AdvisoryRecord): Sorted {
    let sorted = this.sorted.get(advisory);
    if (!sorted) {
      sorted = advisory.ranges.map((events) => [...events].sort((a, b) => compareVersions(a[1], b[1])));
      this.sorted.set(advisory, sorted);
    }
    return sorted;
  }

  private versionSet(advisory: AdvisoryRecord): Set<string> {
    let set = this.versionSets.get(advisory);
    if (!set) {
      set = new Set(advisory.versions);
      this.versionSets.set(advisory, set);
    }
    return set;
  }
}

/** OSV evaluation of one range (events sorted) for version `v`. */
function evaluate(events: RangeEvent[], v: string): VersionMatch {
  let affected = false;
  let fixed: string | undefined;
  for (const [kind, version] of events) {
    const cmp = compareVersions(version, v);
    if (kind === 'i') {
      if (cmp <= 0) {
        affected = true;
        fixed = undefined;
      }
    } else if (kind === 'f' || kind === 'x') {
      if (cmp <= 0) affected = false;
      else if (affected && fixed === undefined && kind === 'f') fixed = version;
    } else if (kind === 'l') {
      if (cmp < 0) affected = false;
    }
    if (cmp > 0 && kind !== 'f') {
      if (!affected) break;
    }
  }
  return { affected, ...(affected && fixed !== undefined && { fixed }) };
}
