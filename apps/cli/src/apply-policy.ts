import { writeFile } from 'node:fs/promises';
import { applyPolicy, createBaseline, formatBaseline, removeSuppressions, utcDate } from '@modelgate/core';
import type { Report } from '@modelgate/plugin-api';
import type { LoadedPolicy } from './load-policy.js';
import type { ScanFlags } from './options.js';

/**
 * Applies suppressions and the baseline to the engine's report, then does what the flags ask:
 * `--write-baseline` records the findings (and treats them as baselined from now on, so adopting
 * a baseline exits 0 unless the scan is incomplete), `--prune-suppressions` rewrites the
 * suppression file without its unused entries (only after a complete scan: a file that was not
 * scanned would make its entries look unused). Returns the report and the lines for stderr.
 */
export async function applyScanPolicy(raw: Report, policy: LoadedPolicy, flags: Partial<ScanFlags>): Promise<{ report: Report; messages: string[] }> {
  const today = utcDate();
  const messages: string[] = [];
  let { report, unused } = applyPolicy(raw, { ...policy, today });

  if (flags.writeBaseline !== undefined) {
    const baseline = createBaseline(report);
    await writeFile(flags.writeBaseline, formatBaseline(baseline));
    messages.push(`baseline of ${baseline.findings.length} finding(s) written to ${flags.writeBaseline}`);
    ({ report, unused } = applyPolicy(raw, { ...policy, baseline: { path: flags.writeBaseline, baseline }, today }));
  }

  const file = policy.suppressions;
  if (flags.pruneSuppressions && file !== undefined) {
    if (!report.run.complete) {
      messages.push(`suppression file ${file.path} not pruned: the scan is incomplete, so entries for unscanned content would look unused`);
    } else if (unused.length === 0) {
      messages.push(`suppression file ${file.path}: no unused entries`);
    } else {
      await writeFile(file.path, removeSuppressions(file, new Set(unused.map((e) => e.index))));
      messages.push(`removed ${unused.length} unused suppression(s) from ${file.path}`);
      // They are gone: their "unused" warnings are answered.
      const pruned = new Set(unused.map((e) => e.line));
      const notices = (report.notices ?? []).filter((n) => !(n.source === file.path && n.line !== undefined && pruned.has(n.line) && n.code !== 'SUPPRESSION_EXPIRED'));
      report = { ...report };
      if (notices.length > 0) report.notices = notices;
      else delete report.notices;
    }
  }
  return { report, messages };
}
