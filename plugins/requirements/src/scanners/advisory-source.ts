import { existsSync } from 'node:fs';
import type { ScanContext } from '@modelgate/plugin-api';
import type { AdvisoryIndex } from '../advisories/advisory-index.js';
import { indexPath, resolveCacheDir } from '../advisories/cache-dir.js';
import { cachedAdvisoryIndex } from '../advisories/load.js';
import type { RequirementsOptions } from '../options.js';
import type { Report } from '../reporter.js';
import { noAdvisoryData } from '../rules/no-advisory-data.js';

/**
 * Finds and loads the advisory data for a scan: `options.advisories` when given, else the index in
 * the cache directory. States what was used in the inventory; with none, says so with a
 * `no-advisory-data` finding against `reportPath`, never silently.
 */
export async function loadAdvisoriesFor(options: RequirementsOptions, ctx: ScanContext, report: Report, reportPath: string): Promise<AdvisoryIndex | undefined> {
  const cacheDir = resolveCacheDir(options.cacheDir);
  const path = options.advisories ?? indexPath(cacheDir);
  if (!options.advisories && !existsSync(path)) {
    const reason = `no index in ${cacheDir}`;
    report(noAdvisoryData, 'missing', { path: reportPath, data: { reason } });
    ctx.inventory({ type: 'advisory-data', status: 'missing', reason });
    return undefined;
  }
  try {
    const index = await cachedAdvisoryIndex(path);
    const { provenance, count } = index.data;
    ctx.inventory({
      type: 'advisory-data',
      status: 'loaded',
      source: provenance.kind,
      location: provenance.location,
      date: provenance.dataDate ?? null,
      importedAt: provenance.importedAt ?? null,
      ...(provenance.sha256 && { sha256: provenance.sha256 }),
      count,
      packages: Object.keys(index.data.packages).length,
      ...(options.advisories ? { path: options.advisories } : { path, cacheDir }),
    });
    return index;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.slice(0, 300);
    report(noAdvisoryData, 'unreadable', { path: reportPath, data: { path, reason } });
    ctx.inventory({ type: 'advisory-data', status: 'unreadable', path, reason });
    return undefined;
  }
}
