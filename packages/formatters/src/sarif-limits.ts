/**
 * Keeping a SARIF log within GitHub code scanning's upload limits. GitHub rejects a run with more
 * than 25,000 results and a file over 10 MB gzip-compressed, and stores only 5,000 results of a
 * run (chosen by its own rules). modelgate therefore decides itself which results stay: the
 * unsuppressed ones first, most severe first, then suppressed ones; the run's notifications say how
 * many were left out.
 */
import { gzipSync } from 'node:zlib';
import { SEVERITIES } from '@modelgate/plugin-api';
import type { Log, Notification, Result, Run } from 'sarif';

/** Results per run GitHub code scanning stores (it rejects runs over 25,000). */
export const GITHUB_MAX_RESULTS = 5_000;
/** Largest gzip-compressed SARIF file GitHub code scanning accepts. */
export const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024;

/** Limits of {@link limitSarif}. */
export interface SarifLimits {
  /** Most results kept in the run; `0` or `Infinity` for no limit. Default {@link GITHUB_MAX_RESULTS}. */
  maxResults?: number;
  /** Largest gzip-compressed size of the log, in bytes; `0` or `Infinity` for no limit. Default {@link GITHUB_MAX_GZIP_BYTES}. */
  maxGzipBytes?: number;
}

/** Descriptor id of the notification that says results were left out. */
export const TRUNCATED_NOTIFICATION_ID = 'modelgate/sarif-truncated';

function severityOf(result: Result): number {
  const severity = (result.properties as { severity?: string } | undefined)?.severity;
  const rank = SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
  return rank < 0 ? SEVERITIES.length : rank;
}

/** Indexes of results, best to keep first: unsuppressed, then most severe, then report order. */
function priority(results: readonly Result[]): number[] {
  return results
    .map((result, index) => ({ index, suppressed: result.suppressions !== undefined ? 1 : 0, rank: severityOf(result) }))
    .sort((a, b) => a.suppressed - b.suppressed || a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.index);
}

function gzipSize(log: Log): number {
  return gzipSync(JSON.stringify(log, null, 2)).length;
}

function limit(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return value <= 0 || !Number.isFinite(value) ? Number.POSITIVE_INFINITY : Math.floor(value);
}

/** The run with only the results at `keep` (in report order), and a notification when some were dropped. */
function withResults(run: Run, all: readonly Result[], order: readonly number[], keep: number, reason: string): Run {
  if (keep >= all.length) return { ...run, results: [...all] };
  const kept = new Set(order.slice(0, keep));
  const results = all.filter((_, index) => kept.has(index));
  const dropped = all.filter((_, index) => !kept.has(index));
  const droppedBySeverity: Record<string, number> = {};
  for (const result of dropped) {
    const severity = String((result.properties as { severity?: string } | undefined)?.severity ?? 'unknown');
    droppedBySeverity[severity] = (droppedBySeverity[severity] ?? 0) + 1;
  }
  const notification: Notification = {
    level: 'warning',
    descriptor: { id: TRUNCATED_NOTIFICATION_ID },
    message: {
      text:
        `SARIF output limited to ${results.length} of ${all.length} results (${reason}): the most severe unsuppressed results were kept; ` +
        `${dropped.length} left out (${Object.entries(droppedBySeverity).map(([s, n]) => `${n} ${s}`).join(', ')}). The JSON report has every finding.`,
    },
    properties: { total: all.length, kept: results.length, droppedBySeverity },
  };
  const [invocation, ...others] = run.invocations ?? [{ executionSuccessful: true }];
  return {
    ...run,
    invocations: [
      { ...invocation!, toolExecutionNotifications: [...(invocation?.toolExecutionNotifications ?? []), notification] },
      ...others,
    ],
    results,
    properties: { ...run.properties, truncated: { total: all.length, kept: results.length } },
  };
}

/**
 * Drops the least important results of a one-run log until it fits the limits.
 *
 * @param log - a log from `toSarif`, with one run; not modified.
 * @param limits - see {@link SarifLimits}; the defaults are GitHub's.
 * @returns the log itself when it fits, else a copy with fewer results and a warning notification.
 */
export function limitSarif(log: Log, limits: SarifLimits = {}): Log {
  const run = log.runs[0];
  const all = run?.results ?? [];
  if (run === undefined || all.length === 0) return log;
  const maxResults = limit(limits.maxResults, GITHUB_MAX_RESULTS);
  const maxBytes = limit(limits.maxGzipBytes, GITHUB_MAX_GZIP_BYTES);
  const order = priority(all);
  const build = (keep: number, reason: string): Log => ({ ...log, runs: [withResults(run, all, order, keep, reason), ...log.runs.slice(1)] });

  let keep = Math.min(all.length, maxResults);
  let reason = `GitHub code scanning stores at most ${maxResults} results per run`;
  let candidate = keep < all.length ? build(keep, reason) : log;
  if (!Number.isFinite(maxBytes) || gzipSize(candidate) <= maxBytes) return candidate;

  // Too big even so: the largest count that fits, by binary search on the gzip-compressed size.
  reason = `GitHub code scanning accepts files up to ${maxBytes} bytes gzip-compressed`;
  let low = 0;
  let high = keep - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (gzipSize(build(mid, reason)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  keep = low;
  candidate = build(keep, reason);
  return candidate;
}
