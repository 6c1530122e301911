import picomatch from 'picomatch';
import type { RuleSetting } from './config.js';

/**
 * Rule settings for some paths only (`overrides:` in the config): for a finding in a file that
 * matches one of `files` (globs relative to the scan root, posix), `rules` replace the global
 * settings. When several overrides match, the last one that names the rule wins.
 */
export interface RuleOverride {
  /** Globs matched against the finding's root-relative disk path (`location.path`). */
  files: string[];
  /** Severity or `off`, by rule id. */
  rules: Record<string, RuleSetting>;
}

/** Compiled overrides: answers which setting, if any, applies to a rule at a path. */
export class OverrideMatcher {
  private readonly compiled: { matches: (path: string) => boolean; rules: Record<string, RuleSetting> }[];

  constructor(overrides: readonly RuleOverride[]) {
    this.compiled = overrides.map((override) => ({
      matches: picomatch(override.files, { dot: true }),
      rules: override.rules,
    }));
  }

  /** Whether there are any overrides at all. */
  get empty(): boolean {
    return this.compiled.length === 0;
  }

  /**
   * The setting of the last override that matches `path` and names `ruleId`.
   *
   * @param ruleId - `namespace/rule`.
   * @param path - root-relative posix path of the file on disk.
   * @returns the setting, or `undefined` when no override applies.
   */
  settingFor(ruleId: string, path: string): RuleSetting | undefined {
    let found: RuleSetting | undefined;
    for (const override of this.compiled) {
      const setting = override.rules[ruleId];
      if (setting !== undefined && override.matches(path)) found = setting;
    }
    return found;
  }
}
