import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { newAjv, yamlModule } from './lazy-modules.js';
import { SEVERITIES } from '@modelgate/plugin-api';
import type { EngineConfigInput } from './config.js';
import { parseByteSize } from './byte-size.js';

/** A config file problem; the CLI turns it into exit code 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The config file as users write it (`modelgate.config.yaml` / `.json`). */
export interface ConfigFile {
  plugins?: string[];
  pluginOptions?: Record<string, Record<string, unknown>>;
  rules?: Record<string, string>;
  /** Per-path rule settings; the last override that matches a finding's file wins. */
  overrides?: { files: string[]; rules: Record<string, string> }[];
  ignore?: string[];
  followSymlinks?: boolean;
  hash?: boolean;
  concurrency?: 'auto' | 'off' | number;
  failOn?: string;
  limits?: {
    maxFileSize?: number | string;
    timeout?: number;
    maxDepth?: number;
    maxEntries?: number;
    maxMemberBytes?: number | string;
    maxTotalBytes?: number | string;
    maxRatio?: number;
    workerMemoryMb?: number;
  };
}

/** Names looked for in the working directory, in order. */
export const CONFIG_FILE_NAMES = ['modelgate.config.yaml', 'modelgate.config.yml', 'modelgate.config.json'];

const byteSize = { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT]i?[bB]?|[bB])?\\s*$' }] };

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    pluginOptions: { type: 'object', additionalProperties: { type: 'object' } },
    rules: { type: 'object', additionalProperties: { enum: [...SEVERITIES, 'off'] } },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'rules'],
        properties: {
          files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          rules: { type: 'object', additionalProperties: { enum: [...SEVERITIES, 'off'] } },
        },
      },
    },
    ignore: { type: 'array', items: { type: 'string' } },
    followSymlinks: { type: 'boolean' },
    hash: { type: 'boolean' },
    concurrency: { anyOf: [{ enum: ['auto', 'off'] }, { type: 'integer', minimum: 1, maximum: 256 }] },
    failOn: { enum: [...SEVERITIES] },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxFileSize: byteSize,
        timeout: { type: 'number', exclusiveMinimum: 0 },
        maxDepth: { type: 'integer', minimum: 0, maximum: 16 },
        maxEntries: { type: 'integer', minimum: 1 },
        maxMemberBytes: byteSize,
        maxTotalBytes: byteSize,
        maxRatio: { type: 'number', minimum: 1 },
        workerMemoryMb: { type: 'integer', minimum: 64 },
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** The schema's complaints about `data`, or an empty list. */
function schemaErrors(data: unknown): ErrorObject[] {
  compiled ??= newAjv({ allErrors: true, strict: false }).compile(schema);
  return compiled(data) ? [] : (compiled.errors ?? []);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return `unknown key "${where ? `${where}.` : ''}${key}"`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return `"${where}" must be one of: ${allowed}`;
  }
  return `"${where || '(root)'}" ${error.message ?? 'is invalid'}`;
}

/** Validates parsed config data and converts it to engine input. Throws {@link ConfigError}. */
export function parseConfig(data: unknown, source: string): { engine: EngineConfigInput; failOn?: string } {
  if (data === null || data === undefined) data = {};
  // A top-level key that is no option but holds an object configures the plugin of that namespace
  // (`pickle: { allow: [...] }`); the engine rejects it if no loaded plugin has that namespace.
  const shorthand: Record<string, Record<string, unknown>> = {};
  if (typeof data === 'object' && !Array.isArray(data)) {
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (!(key in schema.properties) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        shorthand[key] = value as Record<string, unknown>;
      } else {
        rest[key] = value;
      }
    }
    data = rest;
  }
  const errors = schemaErrors(data);
  if (errors.length) {
    const problems = [...new Set(errors.filter((e) => e.keyword !== 'anyOf').map(describe))];
    throw new ConfigError(`invalid config ${source}: ${problems.join('; ')}`);
  }
  const file = data as ConfigFile;
  const baseDir = dirname(resolve(source));
  const limits = file.limits ?? {};
  const engine: EngineConfigInput = {
    baseDir,
    ...(file.plugins && { plugins: file.plugins }),
    ...((file.pluginOptions || Object.keys(shorthand).length) && { pluginOptions: { ...shorthand, ...file.pluginOptions } }),
    ...(file.rules && { rules: file.rules as EngineConfigInput['rules'] }),
    ...(file.overrides && { overrides: file.overrides as EngineConfigInput['overrides'] }),
    ...(file.ignore && { ignore: file.ignore }),
    ...(file.followSymlinks !== undefined && { followSymlinks: file.followSymlinks }),
    ...(file.hash !== undefined && { hash: file.hash }),
    ...(file.concurrency !== undefined && { concurrency: file.concurrency }),
    limits: {
      ...(limits.maxFileSize !== undefined && { maxFileSize: parseByteSize(limits.maxFileSize) }),
      ...(limits.timeout !== undefined && { timeoutMs: limits.timeout * 1000 }),
      ...(limits.maxDepth !== undefined && { maxDepth: limits.maxDepth }),
      ...(limits.maxEntries !== undefined && { maxEntries: limits.maxEntries }),
      ...(limits.maxMemberBytes !== undefined && { maxMemberBytes: parseByteSize(limits.maxMemberBytes) }),
      ...(limits.maxTotalBytes !== undefined && { maxTotalBytes: parseByteSize(limits.maxTotalBytes) }),
      ...(limits.maxRatio !== undefined && { maxRatio: limits.maxRatio }),
      ...(limits.workerMemoryMb !== undefined && { workerMemoryMb: limits.workerMemoryMb }),
    },
  };
  return { engine, ...(file.failOn && { failOn: file.failOn }) };
}

/** Reads and validates a YAML or JSON config file. Throws {@link ConfigError} with the file and key. */
export async function loadConfigFile(path: string): Promise<{ engine: EngineConfigInput; failOn?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : yamlModule().parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new ConfigError(`cannot parse config ${path}: ${(error as Error).message}`);
  }
  return parseConfig(data, path);
}

/** The config file in `dir`, if one of {@link CONFIG_FILE_NAMES} exists there. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((path) => existsSync(path));
}
