import { normalizeName } from '../text/names.js';
import { normalizeVersion } from '../text/pep440.js';
import { cvssBaseScore, severityFromLabel, severityFromScore } from './cvss.js';
import type { AdvisoryRecord, RangeEvent } from './types.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : undefined);

/**
 * Turns one OSV record into per-package {@link AdvisoryRecord}s for its PyPI packages. Returns
 * an empty list for withdrawn records, other ecosystems, and anything malformed.
 */
export function fromOsv(data: unknown): { key: string; record: AdvisoryRecord }[] {
  const osv = obj(data);
  const id = str(osv?.id);
  if (!osv || !id || osv.withdrawn) return [];
  const { severity, severitySource, score } = osvSeverity(osv);
  const summary = (str(osv.summary) ?? str(osv.details) ?? '').split('\n')[0]!.slice(0, 300);
  const aliases = arr(osv.aliases).filter((a): a is string => typeof a === 'string');
  const malicious = id.startsWith('MAL-');
  const out: { key: string; record: AdvisoryRecord }[] = [];
  for (const affected of arr(osv.affected)) {
    const a = obj(affected);
    const pkg = obj(a?.package);
    if (!a || !pkg || str(pkg.ecosystem)?.split(':')[0] !== 'PyPI' || !str(pkg.name)) continue;
    const ranges: RangeEvent[][] = [];
    for (const range of arr(a.ranges)) {
      const r = obj(range);
      if (!r || (r.type !== 'ECOSYSTEM' && r.type !== 'SEMVER')) continue;
      const events: RangeEvent[] = [];
      for (const event of arr(r.events)) {
        const e = obj(event);
        if (!e) continue;
        for (const [key, code] of [['introduced', 'i'], ['fixed', 'f'], ['last_affected', 'l'], ['limit', 'x']] as const) {
          const v = str(e[key]);
          if (v !== undefined) events.push([code, v]);
        }
      }
      if (events.length) ranges.push(events);
    }
    const versions = arr(a.versions).map(str).filter((v): v is string => v !== undefined).map(normalizeVersion);
    out.push({
      key: normalizeName(str(pkg.name)!),
      record: {
        id,
        aliases,
        summary,
        severity,
        severitySource,
        ...(score !== undefined && { score }),
        malicious,
        ranges,
        versions,
        ...(str(osv.modified) && { modified: str(osv.modified) }),
      },
    });
  }
  return out;
}

function osvSeverity(osv: Obj): Pick<AdvisoryRecord, 'severity' | 'severitySource' | 'score'> {
  let best: { score: number; type: string } | undefined;
  for (const entry of arr(osv.severity)) {
    const e = obj(entry);
    const type = str(e?.type);
    const vector = str(e?.score);
    if (!type || !vector || !type.startsWith('CVSS_V')) continue;
    const score = cvssBaseScore(vector);
    if (score !== undefined && (!best || type > best.type)) best = { score, type };
  }
  if (best) return { severity: severityFromScore(best.score), severitySource: best.type, score: best.score };
  const label = severityFromLabel(obj(osv.database_specific)?.severity);
  if (label) return { severity: label, severitySource: 'database' };
  if (String(osv.id).startsWith('MAL-')) return { severity: 'critical', severitySource: 'default' };
  return { severity: 'high', severitySource: 'default' };
}
