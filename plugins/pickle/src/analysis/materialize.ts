import { gunzipSync, inflateSync } from 'node:zlib';
import { LIMITS } from '../machine/limits.js';
import { decodeUtf8 } from '../machine/text.js';
import { literalString, type DataValue, type Value } from '../machine/values.js';
import { DECODERS } from '../policy/loaders.js';

/** The bytes a value stands for, or why they cannot be known statically. */
export type Materialized = { bytes: Uint8Array } | { reason: string };

const LATIN1 = new Set(['latin1', 'latin-1', 'latin_1', 'iso-8859-1', 'iso8859-1', 'iso_8859_1', 'l1', '8859', 'cp819']);
const UTF8 = new Set(['utf-8', 'utf8', 'utf_8', 'u8']);
const BASE64 = new Set(['base64', 'base_64', 'base64_codec']);
const HEX = new Set(['hex', 'hex_codec']);
const ZLIB = new Set(['zlib', 'zip', 'zlib_codec']);

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** The full payload of a string or bytes value (read back from the source when long). */
async function payload(value: DataValue): Promise<{ bytes: Uint8Array; text: () => string } | { reason: string }> {
  let raw = value.head;
  if (!value.complete) {
    if (!value.ref || (value.encoding !== 'utf8' && value.encoding !== 'latin1')) return { reason: `payload of ${value.length} bytes is too long to follow` };
    if (value.length > LIMITS.maxNestedBytes) return { reason: `payload of ${value.length} bytes is over the ${LIMITS.maxNestedBytes}-byte limit` };
    raw = await value.ref.source.read(value.ref.offset, value.length);
  }
  if (value.k === 'bytes') return { bytes: raw, text: () => new TextDecoder('latin1').decode(raw) };
  const text = value.complete ? value.text : value.encoding === 'utf8' ? decodeUtf8(raw) : new TextDecoder('latin1').decode(raw);
  return { bytes: latin1Bytes(text), text: () => text };
}

async function asText(value: Value | undefined, depth: number): Promise<{ text: string } | { reason: string }> {
  if (value && (value.k === 'str' || value.k === 'bytes')) {
    const got = await payload(value);
    return 'reason' in got ? got : { text: got.text() };
  }
  const bytes = await materialize(value, depth + 1);
  if ('reason' in bytes) return bytes;
  return { text: new TextDecoder('latin1').decode(bytes.bytes) };
}

function decodeBy(kind: string, text: string, bytes: Uint8Array | undefined): Materialized {
  try {
    if (BASE64.has(kind) || kind === 'base64') return { bytes: Buffer.from(text, 'base64') };
    if (kind === 'base64url') return { bytes: Buffer.from(text, 'base64url') };
    if (HEX.has(kind) || kind === 'base16') return { bytes: Buffer.from(text.replace(/\s+/g, ''), 'hex') };
    if (LATIN1.has(kind)) return { bytes: latin1Bytes(text) };
    if (UTF8.has(kind)) return { bytes: new TextEncoder().encode(text) };
    if (ZLIB.has(kind) || kind === 'zlib') return { bytes: inflateSync(bytes ?? latin1Bytes(text), { maxOutputLength: LIMITS.maxNestedBytes }) };
    if (kind === 'gzip') return { bytes: gunzipSync(bytes ?? latin1Bytes(text), { maxOutputLength: LIMITS.maxNestedBytes }) };
  } catch (error) {
    return { reason: `${kind} decoding failed: ${(error as Error).message}` };
  }
  return { reason: `decoding ${kind} is not supported` };
}

/**
 * Works out the bytes a loader would receive: literal bytes and strings, and the results of
 * known decoders (base64, hex, codecs, latin-1 encoding, zlib, BytesIO) applied to them.
 */
export async function materialize(value: Value | undefined, depth = 0): Promise<Materialized> {
  if (!value) return { reason: 'no argument' };
  if (depth > 8) return { reason: 'decoders nested too deeply' };
  if (value.k === 'str' || value.k === 'bytes') {
    const got = await payload(value);
    return 'reason' in got ? got : { bytes: got.bytes };
  }
  if (value.k !== 'call' || !value.global) return { reason: `argument is ${value.k === 'call' ? 'a computed value' : `a ${value.k}`}` };
  const kind = DECODERS[value.global.path];
  if (!kind) return { reason: `argument is the result of ${value.global.path}()` };
  const args = value.args[0]?.k === 'tuple' ? value.args[0].items : value.args;
  const input = args[0];
  if (kind === 'identity') return materialize(input, depth + 1);
  if (kind === 'codecs') {
    const codec = (literalString(args[1]) ?? (value.global.path.startsWith('builtins.') ? '' : 'utf-8')).toLowerCase();
    if (!codec) return materialize(input, depth + 1);
    if (LATIN1.has(codec) || UTF8.has(codec)) {
      const text = await asText(input, depth);
      return 'reason' in text ? text : decodeBy(codec, text.text, undefined);
    }
    const inner = await materialize(input, depth + 1);
    if ('reason' in inner) return inner;
    return decodeBy(codec, new TextDecoder('latin1').decode(inner.bytes), inner.bytes);
  }
  if (kind === 'zlib' || kind === 'gzip') {
    const inner = await materialize(input, depth + 1);
    return 'reason' in inner ? inner : decodeBy(kind, '', inner.bytes);
  }
  const text = await asText(input, depth);
  return 'reason' in text ? text : decodeBy(kind, text.text, undefined);
}
