import { createHash } from 'node:crypto';
import type { ReportFinding } from '@modelgate/plugin-api';

/**
 * Version of the fingerprint scheme below. Baselines record it: a baseline written under another
 * scheme cannot match anything and is refused. Bump it whenever the key or the hash changes.
 */
export const FINGERPRINT_VERSION = 1;

/**
 * Fingerprints identify a finding across runs: rule, root-relative path, member, message and
 * logical location. Byte offsets are left out so unrelated edits to a file do not change them;
 * identical findings in one place get an occurrence number.
 */
export function assignFingerprints(findings: Omit<ReportFinding, 'fingerprint'>[]): ReportFinding[] {
  return createFingerprinter()(findings);
}

/**
 * {@link assignFingerprints} over findings that arrive in several groups (a scan's file
 * results): occurrence numbers count on from one group to the next, so the groups together get
 * the fingerprints the whole report gets. Identical findings that differ only in byte offset may
 * get their numbers in another order than the report, which sorts them by offset first.
 */
export function createFingerprinter(): (findings: Omit<ReportFinding, 'fingerprint'>[]) => ReportFinding[] {
  const seen = new Map<string, number>();
  return (findings) =>
    findings.map((finding) => {
      const { ruleId, location, message } = finding;
      const key = [ruleId, location.path, location.member ?? '', (location.logical ?? []).join('\u0001'), message].join('\u0000');
      const base = createHash('sha256').update(key).digest('hex').slice(0, 32);
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      return { ...finding, fingerprint: occurrence === 0 ? base : `${base}:${occurrence}` };
    });
}
