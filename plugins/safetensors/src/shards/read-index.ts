import type { FileHandle } from '@modelgate/plugin-api';
import { firstInvalidUtf8 } from '../format/utf8.js';
import { jsonTypeName, lastWins, type JsonMember, type JsonObject } from '../json/node.js';
import { JsonSyntaxError, parseJson } from '../json/parse.js';

/** Largest index file read; real ones are a few MB even for thousands of tensors. */
export const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/** Nesting allowed in an index (Python's `json` allows far more; real indexes use 2 or 3). */
const MAX_INDEX_DEPTH = 512;

/** Outcome of reading a shard index. */
export type IndexRead =
  | { kind: 'too-large'; size: number }
  | { kind: 'not-json'; offset: number; reason: string }
  | { kind: 'not-object'; type: string }
  | { kind: 'no-weight-map'; type: string; root: JsonObject }
  | { kind: 'ok'; root: JsonObject; weightMap: Map<string, JsonMember> };

/** Reads and parses an index (bounded), returning `weight_map` with last-wins semantics. */
export async function readIndex(file: FileHandle): Promise<IndexRead> {
  if (file.size > MAX_INDEX_BYTES) return { kind: 'too-large', size: file.size };
  const bytes = await file.read(0, file.size);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { kind: 'not-json', offset: bad, reason: 'invalid UTF-8' };
  let root;
  try {
    root = parseJson(bytes, MAX_INDEX_DEPTH);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { kind: 'not-json', offset: error.offset, reason: error.message };
    throw error;
  }
  if (root.kind !== 'object') return { kind: 'not-object', type: jsonTypeName(root) };
  const weightMap = lastWins(root).get('weight_map')?.value;
  if (weightMap?.kind !== 'object') {
    return { kind: 'no-weight-map', type: weightMap ? jsonTypeName(weightMap) : 'nothing', root };
  }
  return { kind: 'ok', root, weightMap: lastWins(weightMap) };
}
