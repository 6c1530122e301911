/** Options of the plugin (`requirements:` in the config, `plugins.requirements` / `pluginOptions`). */
export interface RequirementsOptions {
  /** Advisory data to use: an index file, a cache directory, an OSV directory or an `all.zip`. `--advisories` sets it. */
  advisories?: string;
  /** Where `db import` / `db update` keep the index (default `$XDG_CACHE_HOME/modelgate` or `~/.cache/modelgate`). */
  cacheDir?: string;
  /** URL `db update` downloads (default OSV's PyPI `all.zip`). Not used by scans. */
  updateUrl?: string;
  /** More names to guard against typosquats, besides the built-in list. */
  popularPackages?: string[];
}

/** JSON Schema of {@link RequirementsOptions}, validated by the engine before a scan. */
export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    advisories: { type: 'string', minLength: 1 },
    cacheDir: { type: 'string', minLength: 1 },
    updateUrl: { type: 'string', pattern: '^(https?|file)://' },
    popularPackages: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } },
  },
} as const;

/** Reads the options the engine validated; tolerant of anything else (tests pass plain objects). */
export function readOptions(options: Readonly<Record<string, unknown>>): RequirementsOptions {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const advisories = str(options.advisories);
  const cacheDir = str(options.cacheDir);
  const updateUrl = str(options.updateUrl);
  return {
    ...(advisories && { advisories }),
    ...(cacheDir && { cacheDir }),
    ...(updateUrl && { updateUrl }),
    popularPackages: Array.isArray(options.popularPackages) ? options.popularPackages.filter((p): p is string => typeof p === 'string') : [],
  };
}
