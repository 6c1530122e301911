import { resolve } from 'node:path';
import { ConfigError, findConfigFile, loadConfigFile, type EngineConfigInput } from '@modelgate/core';
import type { Severity } from '@modelgate/plugin-api';
import { builtinPluginPaths } from './builtin-plugins.js';
import type { ScanFlags } from './options.js';

/**
 * The engine input and threshold that flags plus config file give. Flags win over the file. The
 * file's `server:` section belongs to `modelgate serve`, not to a plugin: it is returned apart.
 */
export async function buildEngineInput(flags: Partial<ScanFlags>): Promise<{ engine: EngineConfigInput; failOn: Severity; configPath?: string; server?: unknown }> {
  const configPath = flags.config ?? findConfigFile(process.cwd());
  const fromFile = configPath ? await loadConfigFile(configPath) : { engine: {} as EngineConfigInput };
  const engine = fromFile.engine;
  const extra = (engine.plugins ?? []).filter((p): p is string => typeof p === 'string');
  const limits = { ...engine.limits };
  if (flags.maxFileSize !== undefined) limits.maxFileSize = flags.maxFileSize;
  if (flags.timeout !== undefined) limits.timeoutMs = flags.timeout * 1000;
  const { server, ...pluginOptions } = { ...engine.pluginOptions };
  if (flags.advisories !== undefined) pluginOptions.requirements = { ...pluginOptions.requirements, advisories: resolve(flags.advisories) };
  const failOn = flags.failOn ?? (fromFile as { failOn?: Severity }).failOn ?? 'high';
  return {
    engine: {
      ...engine,
      plugins: [...builtinPluginPaths(), ...extra],
      pluginOptions,
      ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }),
      ...(flags.hash === false && { hash: false }),
      limits,
    },
    failOn,
    ...(configPath && { configPath }),
    ...(server !== undefined && { server }),
  };
}

export { ConfigError };
