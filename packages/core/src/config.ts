import type { Plugin, Severity } from '@modelgate/plugin-api';
import type { RuleOverride } from './rule-overrides.js';

/** Limits that bound the work done per file; exceeding one makes the scan incomplete. */
export interface ScanLimits {
  /** Files larger than this are not scanned (0: no limit). */
  maxFileSize: number;
  /** Soft timeout per file, in milliseconds; the hard timeout kills the worker later. */
  timeoutMs: number;
  /** Deepest container nesting expanded. */
  maxDepth: number;
  /** Most members listed per container. */
  maxEntries: number;
  /** Most bytes inflated from one archive member. */
  maxMemberBytes: number;
  /** Most bytes inflated from one container. */
  maxTotalBytes: number;
  /** Largest accepted compression ratio of an archive member. */
  maxRatio: number;
  /** Heap cap of each worker thread, in MiB. */
  workerMemoryMb: number;
}

/** A rule setting in the config: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Everything the engine needs to know; every field is optional in user input. */
export interface EngineConfig {
  /**
   * Plugins: module specifiers (package name or path, resolved from `baseDir`) or plugin objects.
   * Objects can only run in-process (`concurrency: 'off'`) unless they also carry a specifier.
   */
  plugins: (string | Plugin)[];
  /** Options per plugin namespace. */
  pluginOptions: Record<string, Record<string, unknown>>;
  /** Per-rule severity overrides or `off`, keyed by rule id (`safetensors/header-too-large`). */
  rules: Record<string, RuleSetting>;
  /** Per-path rule settings, applied after `rules`; the last matching override wins. */
  overrides: RuleOverride[];
  /** Extra ignore globs, matched against root-relative paths. `.git` and `node_modules` are always ignored. */
  ignore: string[];
  followSymlinks: boolean;
  /** Compute each file's sha256 while scanning. */
  hash: boolean;
  /** `auto` (a worker per core), a worker count, or `off` (scan in the calling thread). */
  concurrency: 'auto' | 'off' | number;
  limits: ScanLimits;
  /** Directory plugin specifiers and relative paths are resolved from. */
  baseDir: string;
}

/** Defaults applied under user input. */
export const DEFAULT_LIMITS: ScanLimits = {
  maxFileSize: 0,
  timeoutMs: 60_000,
  maxDepth: 3,
  maxEntries: 100_000,
  maxMemberBytes: 8 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 1000,
  workerMemoryMb: 512,
};

/** Ignored in every scan. */
export const DEFAULT_IGNORES = ['**/.git', '**/.git/**', '**/node_modules', '**/node_modules/**'];

/** User input for {@link resolveConfig}: any subset of {@link EngineConfig}. */
export type EngineConfigInput = Partial<Omit<EngineConfig, 'limits'>> & { limits?: Partial<ScanLimits> };

/** Fills defaults. Validation of user files happens in `loadConfigFile`. */
export function resolveConfig(input: EngineConfigInput = {}): EngineConfig {
  return {
    plugins: input.plugins ?? [],
    pluginOptions: input.pluginOptions ?? {},
    rules: input.rules ?? {},
    overrides: input.overrides ?? [],
    ignore: input.ignore ?? [],
    followSymlinks: input.followSymlinks ?? false,
    hash: input.hash ?? true,
    concurrency: input.concurrency ?? 'auto',
    limits: { ...DEFAULT_LIMITS, ...input.limits },
    baseDir: input.baseDir ?? process.cwd(),
  };
}
