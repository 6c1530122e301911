import type { Plugin, ReportRule, RuleMeta, Severity } from '@modelgate/plugin-api';
import type { RuleSetting } from './config.js';
import { ConfigError } from './config-file.js';
import { OverrideMatcher, type RuleOverride } from './rule-overrides.js';

/** A declared rule with the severity in force after config overrides. */
export interface CatalogRule {
  id: string;
  plugin: Plugin;
  meta: RuleMeta;
  severity: Severity;
  enabled: boolean;
}

/** Every declared rule of the loaded plugins, keyed by `namespace/rule`. */
export class RuleCatalog {
  private readonly rules = new Map<string, CatalogRule>();
  private readonly overrides: OverrideMatcher;

  /** Throws when `settings` or an override names a rule no plugin declares. */
  constructor(plugins: Plugin[], settings: Record<string, RuleSetting>, overrides: readonly RuleOverride[] = []) {
    for (const plugin of plugins) {
      for (const [name, meta] of Object.entries(plugin.rules)) {
        const id = `${plugin.meta.namespace}/${name}`;
        const setting = settings[id];
        this.rules.set(id, {
          id,
          plugin,
          meta,
          severity: setting && setting !== 'off' ? setting : meta.defaultSeverity,
          enabled: setting !== 'off',
        });
      }
    }
    const unknown = Object.keys(settings).filter((id) => !this.rules.has(id));
    if (unknown.length) throw new ConfigError(`config "rules" names unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} (see \`modelgate rules\`)`);
    overrides.forEach((override, i) => {
      const bad = Object.keys(override.rules).filter((id) => !this.rules.has(id));
      if (bad.length) throw new ConfigError(`config "overrides[${i}].rules" names unknown rule ${bad.map((id) => `"${id}"`).join(', ')} (see \`modelgate rules\`)`);
    });
    this.overrides = new OverrideMatcher(overrides);
  }

  /**
   * The severity in force for a rule at a path: the per-path override that matches last, else the
   * global setting. `undefined` when the rule is undeclared or turned off there.
   *
   * @param id - `namespace/rule`.
   * @param path - root-relative posix path of the file on disk.
   */
  severityAt(id: string, path: string): Severity | undefined {
    const rule = this.rules.get(id);
    if (!rule) return undefined;
    const setting = this.overrides.empty ? undefined : this.overrides.settingFor(id, path);
    if (setting === undefined) return rule.enabled ? rule.severity : undefined;
    return setting === 'off' ? undefined : setting;
  }

  get(id: string): CatalogRule | undefined {
    return this.rules.get(id);
  }

  /** Rules as the report lists them, sorted by id. */
  toReportRules(): ReportRule[] {
    return [...this.rules.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(({ id, plugin, meta, severity }) => ({
        id,
        plugin: plugin.meta.name,
        description: meta.description,
        defaultSeverity: meta.defaultSeverity,
        severity,
        ...(meta.docsUrl !== undefined && { docsUrl: meta.docsUrl }),
        ...(meta.tags !== undefined && { tags: meta.tags }),
        ...(meta.cwe !== undefined && { cwe: meta.cwe }),
      }));
  }
}
