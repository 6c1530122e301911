import type { AdvisoryIndex } from '../advisories/advisory-index.js';
import type { AdvisoryRecord, AdvisorySeverity } from '../advisories/types.js';
import type { Requirement } from '../model.js';
import type { Rule } from '../rule.js';
import { maliciousPackage } from '../rules/malicious-package.js';
import { vulnerablePinCritical } from '../rules/vulnerable-pin-critical.js';
import { vulnerablePinHigh } from '../rules/vulnerable-pin-high.js';
import { vulnerablePinLow } from '../rules/vulnerable-pin-low.js';
import { vulnerablePinMedium } from '../rules/vulnerable-pin-medium.js';
import { vulnerableRange } from '../rules/vulnerable-range.js';
import { clip } from '../text/lines.js';
import { compareVersions, parseSpecifier } from '../text/pep440.js';
import type { CheckContext } from './context.js';

const PIN_RULES: Record<AdvisorySeverity, Rule<'pinned' | 'newest'>> = {
  critical: vulnerablePinCritical,
  high: vulnerablePinHigh,
  medium: vulnerablePinMedium,
  low: vulnerablePinLow,
};

/** Most advisory ids listed in one vulnerable-range message. */
const MAX_IDS = 5;

function aliases(advisory: AdvisoryRecord): string {
  return advisory.aliases.length ? ` (${advisory.aliases.slice(0, 3).join(', ')})` : '';
}

function evidence(advisory: AdvisoryRecord, fixed: string | undefined): Record<string, unknown> {
  return {
    advisory: advisory.id,
    aliases: advisory.aliases,
    severity: advisory.severity,
    severitySource: advisory.severitySource,
    ...(advisory.score !== undefined && { cvssScore: advisory.score }),
    fixed: fixed ?? null,
  };
}

/**
 * Matches one requirement against the advisory data: `malicious-package` for OSV `MAL-` records,
 * `vulnerable-pin-<severity>` for a pinned/locked version that is affected (or a range whose newest
 * allowed version is), and one `vulnerable-range` per requirement whose range admits affected
 * versions although its newest allowed version is fixed.
 */
export function checkAdvisories(req: Requirement, ctx: CheckContext): void {
  const index = ctx.advisories;
  if (!index || !req.key || req.dynamic || req.local || (req.url && !req.pinned)) return;
  const advisories = index.advisories(req.key);
  if (!advisories.length) return;
  const where = { path: req.path, location: { line: req.line } };
  const clauses = parseSpecifier(req.specifier);
  if (!clauses.ok) return;
  const ranged: { advisory: AdvisoryRecord; fixed?: string }[] = [];
  for (const advisory of advisories) {
    if (req.pinned !== undefined) {
      const match = index.matchVersion(advisory, req.pinned);
      if (!match.affected) continue;
      const data = { name: req.name, version: req.pinned, id: advisory.id, aliases: aliases(advisory), summary: clip(advisory.summary || 'no summary', 160), fixed: match.fixed ?? 'no fixed version' };
      if (advisory.malicious) ctx.report(maliciousPackage, 'malicious', { ...where, data: { name: req.name, id: advisory.id, summary: data.summary }, evidence: evidence(advisory, match.fixed) });
      else ctx.report(PIN_RULES[advisory.severity], 'pinned', { ...where, data, evidence: { package: req.key, version: req.pinned, ...evidence(advisory, match.fixed) } });
      continue;
    }
    const match = matchUnpinned(index, advisory, req);
    if (!match) continue;
    if (advisory.malicious) {
      ctx.report(maliciousPackage, 'malicious', { ...where, data: { name: req.name, id: advisory.id, summary: clip(advisory.summary || 'no summary', 160) }, evidence: evidence(advisory, undefined) });
    } else if (match.newestAffected) {
      const data = { name: req.name, specifier: req.specifier || ' (any version)', id: advisory.id, aliases: aliases(advisory), summary: clip(advisory.summary || 'no summary', 160), fixed: match.fixed ?? 'no fixed version' };
      ctx.report(PIN_RULES[advisory.severity], 'newest', { ...where, data, evidence: { package: req.key, specifier: req.specifier, ...evidence(advisory, match.fixed) } });
    } else if (req.specifier) {
      ranged.push({ advisory, ...(match.fixed !== undefined && { fixed: match.fixed }) });
    }
  }
  if (ranged.length) {
    const fixed = ranged.map((r) => r.fixed).filter((f): f is string => f !== undefined).sort(compareVersions).pop();
    const ids = ranged.map((r) => r.advisory.id);
    ctx.report(vulnerableRange, 'range', {
      ...where,
      data: { name: req.name, specifier: req.specifier, count: ranged.length, ids: ids.slice(0, MAX_IDS).join(', ') + (ids.length > MAX_IDS ? ', …' : ''), fixed: fixed ?? '(no fixed version)' },
      evidence: { package: req.key, specifier: req.specifier, advisories: ids, minimumFixed: fixed ?? null },
    });
  }
}

function matchUnpinned(index: AdvisoryIndex, advisory: AdvisoryRecord, req: Requirement) {
  const spec = parseSpecifier(req.specifier);
  if (!spec.ok) return undefined;
  return index.matchRange(advisory, spec.clauses);
}
