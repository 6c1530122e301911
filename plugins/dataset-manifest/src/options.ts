/** Options of the plugin (`pluginOptions.manifest` in the config). */
export interface ManifestOptions {
  /**
   * Check only this manifest, against the scan root (used by `modelgate manifest verify`):
   * a root-relative path of a file of the scan, or an absolute path outside it. Other documents
   * of the scan are then not checked.
   */
  manifest?: string;
  /** Largest document read (default 64 MiB). */
  maxDocumentBytes: number;
  /** Largest CSV, TSV or JSON Lines file streamed to count rows (default 1 GiB). */
  maxDataBytes: number;
}

/** JSON Schema of {@link ManifestOptions}, validated by the engine. */
export const optionsSchema = {
  type: 'object',
  properties: {
    manifest: { type: 'string', minLength: 1 },
    maxDocumentBytes: { type: 'integer', minimum: 1 },
    maxDataBytes: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
} as const;

/** Default limits. */
export const DEFAULT_OPTIONS: ManifestOptions = { maxDocumentBytes: 64 * 1024 * 1024, maxDataBytes: 1024 * 1024 * 1024 };

/** Options with defaults filled in. */
export function readOptions(raw: Readonly<Record<string, unknown>>): ManifestOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...(typeof raw.manifest === 'string' && { manifest: raw.manifest }),
    ...(typeof raw.maxDocumentBytes === 'number' && { maxDocumentBytes: raw.maxDocumentBytes }),
    ...(typeof raw.maxDataBytes === 'number' && { maxDataBytes: raw.maxDataBytes }),
  };
}
