/**
 * Baselines: the findings a repository already had when it adopted modelgate, recorded by
 * fingerprint so that a later scan fails only on new findings.
 *
 * ```json
 * {
 *   "modelgateBaseline": 1,
 *   "tool": { "name": "modelgate", "version": "0.1.0" },
 *   "fingerprintVersion": 1,
 *   "rules": ["safetensors/trailing-data"],
 *   "findings": [{ "fingerprint": "…", "ruleId": "safetensors/trailing-data", "path": "old.safetensors" }]
 * }
 * ```
 */
import { readFile } from 'node:fs/promises';
import type { Report } from '@modelgate/plugin-api';
import { ConfigError } from './config-file.js';
import { FINGERPRINT_VERSION } from './fingerprint.js';

/** Format version of the baseline file itself. */
export const BASELINE_FORMAT = 1;

/** One recorded finding; only `fingerprint` is used for matching, the rest is for people. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  member?: string;
}

/** A baseline file's content. */
export interface Baseline {
  modelgateBaseline: typeof BASELINE_FORMAT;
  tool: { name: 'modelgate'; version: string };
  /** The fingerprint scheme the fingerprints were computed with (`FINGERPRINT_VERSION`). */
  fingerprintVersion: number;
  /** Rule ids of the recorded findings, sorted. */
  rules: string[];
  /** Sorted by fingerprint. */
  findings: BaselineEntry[];
}

/** A baseline that cannot be used (unreadable, corrupt, or from another fingerprint scheme). */
export class BaselineError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/**
 * The baseline of a report: every finding except those a suppression file accepted (those carry
 * their own reason), so findings an older baseline covered are carried forward.
 *
 * @param report - a report after suppressions were applied.
 * @returns the baseline, deterministic for equal findings.
 */
export function createBaseline(report: Report): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of report.findings) {
    if (finding.suppressed !== undefined && finding.suppressed.source !== 'baseline') continue;
    const { path, member } = finding.location;
    entries.set(finding.fingerprint, { fingerprint: finding.fingerprint, ruleId: finding.ruleId, path, ...(member !== undefined && { member }) });
  }
  const findings = [...entries.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return {
    modelgateBaseline: BASELINE_FORMAT,
    tool: { name: 'modelgate', version: report.tool.version },
    fingerprintVersion: FINGERPRINT_VERSION,
    rules: [...new Set(findings.map((f) => f.ruleId))].sort(),
    findings,
  };
}

/** A baseline as JSON text (2-space indent, trailing newline). */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses baseline text. Throws {@link BaselineError} when it is not JSON, not a modelgate
 * baseline, malformed, or uses another fingerprint scheme (its fingerprints could match nothing,
 * so every old finding would fail the run for a reason that has nothing to do with the model).
 *
 * @param text - the file's content.
 * @param path - the file's path, for messages.
 */
export function parseBaseline(text: string, path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`corrupt baseline ${path}: not JSON (${(error as Error).message}); re-create it with --write-baseline`);
  }
  const bad = (what: string): never => {
    throw new BaselineError(`corrupt baseline ${path}: ${what}; re-create it with --write-baseline`);
  };
  if (!isRecord(data) || data['modelgateBaseline'] === undefined) return bad('not a modelgate baseline (no "modelgateBaseline" key)');
  if (data['modelgateBaseline'] !== BASELINE_FORMAT) return bad(`unsupported baseline format ${JSON.stringify(data['modelgateBaseline'])}`);
  const tool = data['tool'];
  if (!isRecord(tool) || typeof tool['version'] !== 'string') return bad('"tool.version" is missing');
  const scheme = data['fingerprintVersion'];
  if (typeof scheme !== 'number') return bad('"fingerprintVersion" is missing');
  if (scheme !== FINGERPRINT_VERSION) {
    throw new BaselineError(
      `baseline ${path} uses fingerprint scheme v${scheme} (modelgate ${tool['version']}), but this modelgate computes v${FINGERPRINT_VERSION}: ` +
        'none of its fingerprints can match; re-create it with --write-baseline',
    );
  }
  const findings = data['findings'];
  if (!Array.isArray(findings)) return bad('"findings" must be a list');
  const entries = findings.map((entry: unknown, i): BaselineEntry => {
    if (!isRecord(entry) || typeof entry['fingerprint'] !== 'string' || entry['fingerprint'] === '') {
      return bad(`findings[${i}] has no "fingerprint"`);
    }
    return {
      fingerprint: entry['fingerprint'],
      ruleId: typeof entry['ruleId'] === 'string' ? entry['ruleId'] : '',
      path: typeof entry['path'] === 'string' ? entry['path'] : '',
      ...(typeof entry['member'] === 'string' && { member: entry['member'] }),
    };
  });
  const rules = Array.isArray(data['rules']) ? data['rules'].filter((r): r is string => typeof r === 'string') : [];
  return { modelgateBaseline: BASELINE_FORMAT, tool: { name: 'modelgate', version: tool['version'] }, fingerprintVersion: scheme, rules, findings: entries };
}

/**
 * Reads and parses a baseline file; throws {@link BaselineError}.
 *
 * @param path - the file to read.
 */
export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  return parseBaseline(text, path);
}
