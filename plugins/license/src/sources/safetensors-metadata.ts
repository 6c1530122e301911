import type { FileHandle } from '@modelgate/plugin-api';
import { decodeText } from '../text/decode.js';

/** Largest safetensors header read for its `__metadata__` (the loader allows 100 MB). */
export const SAFETENSORS_READ_LIMIT = 16 * 1024 * 1024;
/** `__metadata__` keys that carry a licence (ModelSpec uses `modelspec.license`). */
const LICENSE_KEYS = ['license', 'licence', 'modelspec.license', 'license_name'];

/** A licence found in a safetensors header's `__metadata__`. */
export interface SafetensorsLicense {
  readonly key: string;
  readonly value: string;
}

/**
 * Reads the length prefix and header of a safetensors file (at most
 * {@link SAFETENSORS_READ_LIMIT} bytes, never tensor data) and returns the licence its
 * `__metadata__` declares, if any. Malformed headers are the safetensors plugin's business:
 * they yield undefined here.
 */
export async function readSafetensorsLicense(file: FileHandle): Promise<SafetensorsLicense | undefined> {
  if (file.size < 8) return undefined;
  const prefix = await file.read(0, 8);
  if (prefix.length < 8) return undefined;
  const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(SAFETENSORS_READ_LIMIT) || 8n + length > BigInt(file.size)) return undefined;
  const decoded = decodeText(await file.read(8, Number(length)));
  if (!('text' in decoded)) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(decoded.text);
  } catch {
    return undefined;
  }
  const metadata = (header as { __metadata__?: unknown } | null)?.__metadata__;
  if (!metadata || typeof metadata !== 'object') return undefined;
  for (const key of LICENSE_KEYS) {
    const value = (metadata as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return { key, value: value.trim() };
  }
  return undefined;
}
