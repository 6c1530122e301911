/** Every output format, the default (`table`) first. Kept apart so a CLI can list them without loading the formatters. */
export const FORMATS = ['table', 'json', 'sarif', 'cyclonedx', 'html', 'ndjson'] as const;

/** An output format name. */
export type OutputFormat = (typeof FORMATS)[number];

/**
 * Type guard for a format name read from untrusted input (a CLI flag, a config file).
 *
 * @param value - anything.
 * @returns whether `value` is one of {@link FORMATS}.
 */
export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}
