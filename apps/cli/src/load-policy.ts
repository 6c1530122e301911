import { dirname } from 'node:path';
import { ConfigError, findSuppressionFile, loadBaseline, loadSuppressionFile, type Baseline, type SuppressionFile } from '@modelgate/core';
import type { ScanFlags } from './options.js';

/** The suppression file and baseline of a scan, loaded (and validated) before the scan starts. */
export interface LoadedPolicy {
  suppressions?: SuppressionFile;
  baseline?: { path: string; baseline: Baseline };
}

/**
 * Finds and loads the policy files: `--ignore-file`, else `.modelgate-ignore.yaml` next to the
 * config file, else in the working directory; and `--baseline`. Invalid files throw
 * `ConfigError`s (exit code 2) before anything is scanned.
 *
 * @param flags - the scan flags.
 * @param configPath - the config file in use, if any.
 */
export async function loadPolicy(flags: Partial<ScanFlags>, configPath: string | undefined): Promise<LoadedPolicy> {
  const suppressionPath =
    flags.ignoreFile ?? (configPath ? findSuppressionFile(dirname(configPath)) : undefined) ?? findSuppressionFile(process.cwd());
  if (flags.pruneSuppressions && suppressionPath === undefined) {
    throw new ConfigError('--prune-suppressions: no suppression file (give --ignore-file, or create .modelgate-ignore.yaml)');
  }
  const suppressions = suppressionPath === undefined ? undefined : await loadSuppressionFile(suppressionPath);
  const baseline = flags.baseline === undefined ? undefined : { path: flags.baseline, baseline: await loadBaseline(flags.baseline) };
  return { ...(suppressions && { suppressions }), ...(baseline && { baseline }) };
}
