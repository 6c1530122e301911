import type { FileHandle } from '@modelgate/plugin-api';
import { parseHeader } from '../header/parse-header.js';
import { readHeader } from '../header/read-header.js';

/** Tensor names in a shard's header, or why the header could not be read. */
export type ShardTensors = { ok: true; names: Set<string> } | { ok: false; reason: string };

const REASONS = {
  'too-small': 'shorter than 8 bytes',
  'too-large': 'header length over 100,000,000 bytes',
  'past-end': 'header length past the end of the file',
  'not-utf8': 'header is not UTF-8',
  'not-json': 'header is not JSON',
  'not-object': 'header is not a JSON object',
} as const;

/** Reads only a shard's prefix and header and lists its tensor names (not `__metadata__`). */
export async function readShardTensors(file: FileHandle): Promise<ShardTensors> {
  const read = await readHeader(file);
  if (read.kind !== 'ok') return { ok: false, reason: REASONS[read.kind] };
  const parsed = parseHeader(read.bytes);
  if (parsed.kind !== 'ok') return { ok: false, reason: REASONS[parsed.kind] };
  const names = new Set(parsed.root.members.map((m) => m.key));
  names.delete('__metadata__');
  return { ok: true, names };
}
