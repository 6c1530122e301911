/** Size of the little-endian u64 header length that starts every safetensors file. */
export const PREFIX_BYTES = 8;

/** The loader's `MAX_HEADER_SIZE`: headers longer than this are refused. */
export const MAX_HEADER_BYTES = 100_000_000;

/** Largest `usize` on the 64-bit targets the loader runs on; larger values overflow. */
export const U64_MAX = (1n << 64n) - 1n;

/**
 * serde_json's nesting limit: it refuses the 128th nested array or object
 * (`RecursionLimitExceeded`), so 127 levels are the most a header may use.
 */
export const MAX_JSON_DEPTH = 127;
