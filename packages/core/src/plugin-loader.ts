import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_VERSION, isSeverity, type Plugin } from '@modelgate/plugin-api';
import type { ValidateFunction } from 'ajv';
import { newAjv } from './lazy-modules.js';

/** A plugin that cannot be found, imported or validated. The CLI exits 2 with this message. */
export class PluginLoadError extends Error {
  constructor(
    readonly plugin: string,
    problem: string,
  ) {
    super(`plugin ${plugin}: ${problem}`);
    this.name = 'PluginLoadError';
  }
}

/** A validated plugin, with the module URL workers import it from (absent for plain objects). */
export interface LoadedPlugin {
  plugin: Plugin;
  moduleUrl?: string;
}

/** Resolves a package name or path to the URL of the module to import. */
export function resolvePluginSpecifier(specifier: string, baseDirs: string[]): string {
  const isPath = specifier.startsWith('.') || specifier.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(specifier);
  for (const baseDir of baseDirs) {
    try {
      if (isPath) {
        const absolute = resolve(baseDir, specifier);
        if (!existsSync(absolute)) continue;
        const target = statSync(absolute).isDirectory() ? createRequire(join(absolute, 'package.json')).resolve(absolute) : absolute;
        return pathToFileURL(target).href;
      }
      return pathToFileURL(createRequire(join(baseDir, 'noop.js')).resolve(specifier)).href;
    } catch {
      // try the next base directory
    }
  }
  throw new PluginLoadError(specifier, `cannot find it (looked from ${baseDirs.join(', ')})`);
}

/**
 * Imports a plugin module; the plugin is its default export (or a named `plugin` export).
 * `validate: false` is for worker threads, which load plugins the main thread already validated.
 */
export async function importPlugin(moduleUrl: string, label = moduleUrl, validate = true): Promise<Plugin> {
  let module: Record<string, unknown>;
  try {
    module = (await import(moduleUrl)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginLoadError(label, `failed to import: ${(error as Error).message}`);
  }
  const candidate = module.default ?? module.plugin;
  return validate ? validatePlugin(candidate, label) : (candidate as Plugin);
}

const NAMESPACE = /^[a-z][a-z0-9-]*$/;
const RULE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Checks a plugin object against the contract; throws {@link PluginLoadError} naming the problem. */
export function validatePlugin(candidate: unknown, label: string): Plugin {
  const fail = (problem: string): never => {
    throw new PluginLoadError(label, problem);
  };
  if (typeof candidate !== 'object' || candidate === null) return fail('the module has no default export that is a plugin object');
  const plugin = candidate as Partial<Plugin>;
  if (plugin.apiVersion !== API_VERSION) fail(`apiVersion ${String(plugin.apiVersion)} is not supported (this modelgate supports ${API_VERSION})`);
  const meta = plugin.meta;
  if (!meta || typeof meta.name !== 'string' || typeof meta.version !== 'string') fail('meta.name and meta.version must be strings');
  if (typeof meta?.namespace !== 'string' || !NAMESPACE.test(meta.namespace)) fail(`meta.namespace must match ${NAMESPACE}`);
  if (typeof plugin.rules !== 'object' || plugin.rules === null) fail('rules must be an object');
  // Schemas are only checked to be objects here: compiling them needs Ajv (~0.2 s to load and
  // build), which every scan would pay. validatePluginOptions compiles a schema when options use it.
  const isSchema = (schema: unknown) => typeof schema === 'object' && schema !== null && !Array.isArray(schema);
  for (const [name, rule] of Object.entries(plugin.rules ?? {})) {
    if (!RULE_NAME.test(name)) fail(`rule name "${name}" must match ${RULE_NAME}`);
    if (typeof rule?.description !== 'string' || !rule.description) fail(`rule ${name} has no description`);
    if (!isSeverity(rule.defaultSeverity)) fail(`rule ${name} has an invalid defaultSeverity "${String(rule.defaultSeverity)}"`);
    if (typeof rule.messages !== 'object' || rule.messages === null || Object.keys(rule.messages).length === 0) fail(`rule ${name} declares no messages`);
    for (const [id, text] of Object.entries(rule.messages)) if (typeof text !== 'string') fail(`rule ${name} message ${id} is not a string`);
    if (rule.schema !== undefined && !isSchema(rule.schema)) fail(`rule ${name} has an options schema that is not an object`);
  }
  if (!Array.isArray(plugin.scanners)) fail('scanners must be an array');
  const ids = new Set<string>();
  for (const scanner of plugin.scanners ?? []) {
    if (typeof scanner?.id !== 'string' || !scanner.id) fail('every scanner needs an id');
    if (ids.has(scanner.id)) fail(`two scanners share the id "${scanner.id}"`);
    ids.add(scanner.id);
    if (typeof scanner.scan !== 'function') fail(`scanner ${scanner.id} has no scan function`);
    if (typeof scanner.filter !== 'object' || scanner.filter === null) fail(`scanner ${scanner.id} has no filter`);
    if (scanner.scope === 'directory' && !Array.isArray(scanner.filter.include)) fail(`directory scanner ${scanner.id} needs filter.include`);
    if (scanner.scope === 'directory' && scanner.digests !== undefined && typeof scanner.digests !== 'boolean') fail(`directory scanner ${scanner.id}: digests must be true or false`);
  }
  if (plugin.optionsSchema !== undefined && !isSchema(plugin.optionsSchema)) fail('optionsSchema is not an object');
  return plugin as Plugin;
}

/** Validates the options given to a plugin in the config against its optionsSchema. */
export function validatePluginOptions(plugin: Plugin, options: Record<string, unknown> | undefined): void {
  if (!plugin.optionsSchema || options === undefined) return;
  let validate: ValidateFunction;
  try {
    validate = newAjv({ strict: false, allErrors: true }).compile(plugin.optionsSchema);
  } catch (error) {
    throw new PluginLoadError(plugin.meta.name, `invalid optionsSchema: ${(error as Error).message}`);
  }
  if (!validate(options)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`).join('; ');
    throw new PluginLoadError(plugin.meta.name, `invalid options in pluginOptions.${plugin.meta.namespace}: ${problems}`);
  }
}
