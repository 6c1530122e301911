/** Bounds that keep the analysis of hostile pickles within memory and time. */
export const LIMITS = {
  /** Open MARKs at once. Real pickles nest a few dozen deep. */
  maxMarks: 100_000,
  /** Values on the stack. */
  maxStack: 1_000_000,
  /** Memo entries kept; past this, new entries are dropped (reads of them become unknown). */
  maxMemo: 1_000_000,
  /** Memo index from which the C unpickler's array-backed memo needs hundreds of MB. */
  hugeMemoIndex: 1 << 24,
  /** Payloads up to this size are kept whole; longer ones keep a head and a reference. */
  keepInline: 64 * 1024,
  /** Head kept from longer payloads. */
  keepHead: 4096,
  /** Longest GLOBAL / INST / PUT / GET line kept. */
  maxLine: 64 * 1024,
  /** Distinct globals recorded per stream. */
  maxGlobals: 20_000,
  /** Nested pickles (inside pickles) followed. */
  maxNestedDepth: 4,
  /** Most bytes materialised for a nested or decoded payload. */
  maxNestedBytes: 64 * 1024 * 1024,
  /** Streams per file. */
  maxStreams: 10_000,
  /** Resynchronisation attempts per file. */
  maxTrials: 200_000,
  /** Events of one kind per stream. */
  maxEvents: 50,
} as const;
