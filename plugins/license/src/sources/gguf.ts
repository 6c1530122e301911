import type { FileHandle } from '@modelgate/plugin-api';
import { ByteCursor, OutOfBounds } from './byte-cursor.js';

/** Most header bytes read from a GGUF file while looking for `general.*` keys. */
export const GGUF_READ_LIMIT = 8 * 1024 * 1024;
/** Longest string value kept (licence texts can be embedded; they are cut). */
const MAX_STRING = 64 * 1024;
const MAX_KEYS = 100_000;

/** Byte sizes of GGUF scalar value types (GGUFValueType). */
const SCALAR_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

/** What a GGUF header says about licence and name. */
export interface GgufLicense {
  /** `general.license` (an SPDX expression by the GGUF spec, often a Hub id). */
  readonly license?: string;
  readonly licenseName?: string;
  readonly name?: string;
  /** Why reading stopped early, when it did. */
  readonly incomplete?: string;
}

const decoder = new TextDecoder();

/**
 * Reads `general.license`, `general.license.name` and `general.name` from a GGUF v2/v3 header,
 * metadata key-values only (tensor infos and data are never read), at most
 * {@link GGUF_READ_LIMIT} bytes. Arrays (vocabularies) are skipped element by element.
 */
export async function readGgufLicense(file: FileHandle): Promise<GgufLicense | undefined> {
  const cursor = new ByteCursor(file, GGUF_READ_LIMIT);
  const found: { license?: string; licenseName?: string; name?: string } = {};
  try {
    const magic = decoder.decode(await cursor.bytes(4));
    if (magic !== 'GGUF') return undefined;
    const version = await cursor.u32();
    if (version !== 2 && version !== 3) return { incomplete: `GGUF version ${version} is not read (2 and 3 are)` };
    await cursor.u64(); // tensor count
    const kvCount = await cursor.u64();
    const string = async (keep: boolean): Promise<string | undefined> => {
      const length = await cursor.u64();
      if (!keep || length > BigInt(MAX_STRING)) {
        cursor.skip(length);
        return undefined;
      }
      return decoder.decode(await cursor.bytes(Number(length)));
    };
    const skipValue = async (type: number): Promise<void> => {
      if (type === STRING) return void (await string(false));
      const size = SCALAR_SIZE[type];
      if (size !== undefined) return cursor.skip(size);
      if (type !== ARRAY) throw new OutOfBounds(`unknown value type ${type}`);
      const itemType = await cursor.u32();
      const count = await cursor.u64();
      const itemSize = SCALAR_SIZE[itemType];
      if (itemSize !== undefined) return cursor.skip(count * BigInt(itemSize));
      if (itemType !== STRING) throw new OutOfBounds(`array of type ${itemType} is not skipped`);
      for (let i = 0n; i < count; i++) await string(false);
    };
    const total = kvCount > BigInt(MAX_KEYS) ? MAX_KEYS : Number(kvCount);
    for (let i = 0; i < total; i++) {
      const key = (await string(true)) ?? '';
      const type = await cursor.u32();
      const wanted = key === 'general.license' ? 'license' : key === 'general.license.name' ? 'licenseName' : key === 'general.name' ? 'name' : undefined;
      if (wanted && type === STRING) {
        const value = await string(true);
        if (value !== undefined) found[wanted] = value;
      } else await skipValue(type);
      if (found.license !== undefined && found.name !== undefined && found.licenseName !== undefined) break;
    }
    return found;
  } catch (error) {
    if (error instanceof OutOfBounds) return { ...found, incomplete: error.message };
    throw error;
  }
}
