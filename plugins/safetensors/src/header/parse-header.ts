import { MAX_JSON_DEPTH } from '../format/limits.js';
import { firstInvalidUtf8 } from '../format/utf8.js';
import { jsonTypeName, type JsonObject } from '../json/node.js';
import { JsonSyntaxError, parseJson } from '../json/parse.js';

/** Outcome of decoding header bytes as the loader does: UTF-8, then serde_json, then an object. */
export type ParsedHeader =
  | { kind: 'not-utf8'; offset: number }
  | { kind: 'not-json'; offset: number; reason: string }
  | { kind: 'not-object'; type: string }
  | { kind: 'ok'; root: JsonObject };

/** Decodes header bytes; offsets are relative to the first header byte. */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { kind: 'not-utf8', offset: bad };
  try {
    const root = parseJson(bytes, MAX_JSON_DEPTH);
    return root.kind === 'object' ? { kind: 'ok', root } : { kind: 'not-object', type: jsonTypeName(root) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { kind: 'not-json', offset: error.offset, reason: error.message };
    throw error;
  }
}
