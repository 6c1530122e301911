import { isAbsolute, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError, parseByteSize } from '@modelgate/core';

/** Everything the server needs besides the engine config and the tokens. */
export interface ServerSettings {
  /** Interface to listen on. Default `127.0.0.1`. */
  host: string;
  /** TCP port; 0 picks a free one. Default 8377. */
  port: number;
  /** Holds the SQLite database and uploads. */
  dataDir: string;
  /** Directories whose contents may be scanned by path (after resolving symlinks). */
  roots: string[];
  /** YAML/JSON file of `{ tokens: [{ name, sha256, scopes }] }`. */
  tokenFile?: string;
  /** Scans running at the same time; the rest wait in the queue. */
  maxConcurrentScans: number;
  /** Scans waiting at most; beyond that `POST /v1/scans` answers 503. */
  maxQueuedScans: number;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Keep uploaded files after their scan (default: delete them). */
  keepUploads: boolean;
  /** Requests per token (or client address before authentication) per window. */
  rateLimit: { max: number; windowMs: number };
  /** A scan interrupted by a crash is restarted until it has been started this many times, then failed. */
  maxAttempts: number;
}

/** The defaults under the config file's `server:` section and the command line. */
export const DEFAULT_SETTINGS: ServerSettings = {
  host: '127.0.0.1',
  port: 8377,
  dataDir: '.modelgate',
  roots: [],
  maxConcurrentScans: 2,
  maxQueuedScans: 1000,
  maxUploadBytes: 1024 ** 3,
  keepUploads: false,
  rateLimit: { max: 600, windowMs: 60_000 },
  maxAttempts: 2,
};

const byteSize = { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT]i?[bB]?|[bB])?\\s*$' }] };

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: { type: 'string', minLength: 1 },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    dataDir: { type: 'string', minLength: 1 },
    roots: { type: 'array', items: { type: 'string', minLength: 1 } },
    tokenFile: { type: 'string', minLength: 1 },
    maxConcurrentScans: { type: 'integer', minimum: 1, maximum: 64 },
    maxQueuedScans: { type: 'integer', minimum: 0 },
    maxUploadSize: byteSize,
    keepUploads: { type: 'boolean' },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      properties: { max: { type: 'integer', minimum: 1 }, window: { type: 'number', exclusiveMinimum: 0 } },
    },
    maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function describe(error: ErrorObject): string {
  const where = ['server', ...error.instancePath.split('/').slice(1)].join('.');
  if (error.keyword === 'additionalProperties') return `unknown key "${where}.${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
  return `"${where}" ${error.message ?? 'is invalid'}`;
}

/** The `server:` section of a config file as users write it. */
export interface ServerSection {
  host?: string;
  port?: number;
  dataDir?: string;
  roots?: string[];
  tokenFile?: string;
  maxConcurrentScans?: number;
  maxQueuedScans?: number;
  maxUploadSize?: number | string;
  keepUploads?: boolean;
  rateLimit?: { max?: number; window?: number };
  maxAttempts?: number;
}

/**
 * Validates the config file's `server:` section and converts it to settings. Relative paths are
 * resolved from `baseDir` (the config file's directory). Throws {@link ConfigError}.
 */
export function parseServerSection(data: unknown, source: string, baseDir: string): Partial<ServerSettings> {
  if (data === undefined || data === null) return {};
  if (!validate(data)) {
    const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== 'anyOf').map(describe))];
    throw new ConfigError(`invalid config ${source}: ${problems.join('; ')}`);
  }
  const section = data as ServerSection;
  const path = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const defaults = DEFAULT_SETTINGS.rateLimit;
  return {
    ...(section.host !== undefined && { host: section.host }),
    ...(section.port !== undefined && { port: section.port }),
    ...(section.dataDir !== undefined && { dataDir: path(section.dataDir) }),
    ...(section.roots !== undefined && { roots: section.roots.map(path) }),
    ...(section.tokenFile !== undefined && { tokenFile: path(section.tokenFile) }),
    ...(section.maxConcurrentScans !== undefined && { maxConcurrentScans: section.maxConcurrentScans }),
    ...(section.maxQueuedScans !== undefined && { maxQueuedScans: section.maxQueuedScans }),
    ...(section.maxUploadSize !== undefined && { maxUploadBytes: parseByteSize(section.maxUploadSize) }),
    ...(section.keepUploads !== undefined && { keepUploads: section.keepUploads }),
    ...(section.rateLimit && {
      rateLimit: { max: section.rateLimit.max ?? defaults.max, windowMs: section.rateLimit.window !== undefined ? section.rateLimit.window * 1000 : defaults.windowMs },
    }),
    ...(section.maxAttempts !== undefined && { maxAttempts: section.maxAttempts }),
  };
}

/** Layers settings: defaults, then each source in order (later wins); paths made absolute. */
export function resolveSettings(...layers: Partial<ServerSettings>[]): ServerSettings {
  const merged: ServerSettings = Object.assign({}, DEFAULT_SETTINGS, ...layers.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))));
  return {
    ...merged,
    dataDir: resolve(merged.dataDir),
    roots: merged.roots.map((r) => resolve(r)),
    ...(merged.tokenFile !== undefined && { tokenFile: resolve(merged.tokenFile) }),
  };
}
