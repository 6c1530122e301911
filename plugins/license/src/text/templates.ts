import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SPDX_IDS } from '../licenses/spdx-ids.js';
import { licenseWords, shingles } from './normalize.js';
import { PRECOMPUTED_TEMPLATES } from '../precomputed-templates-path.js';

/** One SPDX licence text, pre-normalised into its fingerprint. */
export interface LicenseTemplate {
  readonly id: string;
  readonly name: string;
  readonly fingerprint: Uint32Array;
}

const require = createRequire(import.meta.url);
let templates: LicenseTemplate[] | undefined;
let byId: Map<string, LicenseTemplate> | undefined;

/** Every current SPDX licence text, normalised and fingerprinted (about 700 texts, about 200 ms). */
export function computeTemplates(): LicenseTemplate[] {
  const full = require('spdx-license-list/full') as Record<string, { name: string; licenseText: string }>;
  return Object.entries(full)
    .filter(([id, entry]) => SPDX_IDS.has(id) && typeof entry.licenseText === 'string' && entry.licenseText.length > 0)
    .map(([id, entry]) => ({ id, name: entry.name, fingerprint: shingles(licenseWords(entry.licenseText)) }))
    .filter((t) => t.fingerprint.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Serialises templates: per template, u32 lengths of id and name, their UTF-8, a u32 count and the shingles. */
export function encodeTemplates(list: readonly LicenseTemplate[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const t of list) {
    const id = encoder.encode(t.id);
    const name = encoder.encode(t.name);
    const head = new Uint32Array([id.length, name.length]);
    parts.push(new Uint8Array(head.buffer), id, name, new Uint8Array(new Uint32Array([t.fingerprint.length]).buffer), new Uint8Array(t.fingerprint.slice().buffer));
  }
  return Buffer.concat(parts);
}

/** True where a Uint32Array's bytes are little-endian, the order {@link encodeTemplates} writes. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Reads what {@link encodeTemplates} wrote. */
export function decodeTemplates(bytes: Uint8Array): LicenseTemplate[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const list: LicenseTemplate[] = [];
  for (let at = 0; at < bytes.length; ) {
    const idLength = view.getUint32(at, true);
    const nameLength = view.getUint32(at + 4, true);
    at += 8;
    const id = decoder.decode(bytes.subarray(at, at + idLength));
    const name = decoder.decode(bytes.subarray(at + idLength, at + idLength + nameLength));
    at += idLength + nameLength;
    const count = view.getUint32(at, true);
    at += 4;
    let fingerprint: Uint32Array;
    if (LITTLE_ENDIAN) {
      // One copy of the bytes (aligned, as a view into the file's bytes might not be): ~10 ms less
      // per thread than reading ~200,000 values one by one in code that has not been optimised yet.
      fingerprint = new Uint32Array(Uint8Array.prototype.slice.call(bytes, at, at + 4 * count).buffer);
    } else {
      fingerprint = new Uint32Array(count);
      for (let i = 0; i < count; i++) fingerprint[i] = view.getUint32(at + 4 * i, true);
    }
    at += 4 * count;
    list.push({ id, name, fingerprint });
  }
  return list;
}

/**
 * The SPDX licence templates, once per thread: read from the file the build precomputed, or
 * computed here when it is missing (running from source). Deprecated and `+` ids are left out:
 * their texts duplicate current ones.
 */
export function licenseTemplates(): readonly LicenseTemplate[] {
  if (!templates) {
    let list: LicenseTemplate[];
    try {
      list = decodeTemplates(readFileSync(PRECOMPUTED_TEMPLATES));
    } catch {
      list = computeTemplates();
    }
    templates = list;
    byId = new Map(list.map((t) => [t.id, t]));
  }
  return templates;
}

/** The template of an SPDX id (`+`, `-or-later` forms map to the id's own text), if any. */
export function templateOf(id: string): LicenseTemplate | undefined {
  licenseTemplates();
  const bare = id.replace(/\+$/, '');
  return byId!.get(bare) ?? byId!.get(`${bare}-only`) ?? byId!.get(bare.replace(/-or-later$/, '-only'));
}
