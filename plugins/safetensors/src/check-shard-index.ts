import type { DirectoryHandle } from '@modelgate/plugin-api';
import { displayName } from './format/display.js';
import { jsonTypeName } from './json/node.js';
import type { Report } from './reporter.js';
import { checkDuplicateKeys } from './rules/duplicate-key.js';
import { shardIndexInvalid } from './rules/shard-index-invalid.js';
import { shardMissing } from './rules/shard-missing.js';
import { shardPathUnsafe } from './rules/shard-path-unsafe.js';
import { shardTensorDuplicate } from './rules/shard-tensor-duplicate.js';
import { shardTensorMissing } from './rules/shard-tensor-missing.js';
import { shardTensorUnlisted } from './rules/shard-tensor-unlisted.js';
import { shardUnreferenced } from './rules/shard-unreferenced.js';
import { MAX_INDEX_BYTES, readIndex } from './shards/read-index.js';
import { readShardTensors } from './shards/read-shard-tensors.js';
import { classifyShardPath, resolveShardPath, shardNamePattern } from './shards/shard-path.js';

/** One tensor → shard mapping of the index, with the file offset of its key. */
interface Mapping {
  tensor: string;
  /** The shard name as written in the index. */
  shard: string;
  /** Root-relative path of a safe shard name (so `x` and `./x` are one shard); else the name. */
  key: string;
  byteOffset: number;
}

/**
 * Checks one `*.safetensors.index.json` in `directory` against the shards it names, reading
 * the index (bounded) and only each shard's header. Index findings go to the index file;
 * findings about a shard's own content go to that shard.
 */
export async function checkShardIndex(
  directory: DirectoryHandle,
  indexName: string,
  report: Report,
  signal?: AbortSignal,
): Promise<void> {
  const indexPath = resolveShardPath(directory.path, indexName);
  const index = await readIndex(await directory.open(indexPath));
  const onIndex = { path: indexPath };
  switch (index.kind) {
    case 'too-large':
      report(shardIndexInvalid, 'tooLarge', { ...onIndex, data: { size: index.size, limit: MAX_INDEX_BYTES } });
      return;
    case 'not-json':
      report(shardIndexInvalid, 'notJson', {
        ...onIndex,
        data: { reason: index.reason, offset: index.offset },
        location: { byteOffset: index.offset },
      });
      return;
    case 'not-object':
      report(shardIndexInvalid, 'notObject', { ...onIndex, data: { type: index.type }, location: { byteOffset: 0 } });
      return;
  }
  checkDuplicateKeys(index.root, { baseOffset: 0, topLevelAreTensors: false, path: indexPath }, report);
  if (index.kind === 'no-weight-map') {
    report(shardIndexInvalid, 'noWeightMap', { ...onIndex, data: { type: index.type }, location: { byteOffset: 0 } });
    return;
  }

  const mappings: Mapping[] = [];
  for (const member of index.weightMap.values()) {
    const name = displayName(member.key);
    if (member.value.kind !== 'string') {
      report(shardIndexInvalid, 'nonStringShard', {
        ...onIndex,
        data: { name, type: jsonTypeName(member.value) },
        location: { byteOffset: member.value.start, logical: [name] },
      });
      continue;
    }
    const shard = member.value.value;
    const key = classifyShardPath(shard) ? shard : resolveShardPath(directory.path, shard);
    mappings.push({ tensor: member.key, shard, key, byteOffset: member.keyStart });
  }

  // Read each safe, present shard's header once. Keys are shard paths.
  const shardTensors = new Map<string, Set<string>>();
  for (const [path, uses] of groupByShard(mappings)) {
    if (signal?.aborted) return;
    const first = uses[0]!;
    const shard = first.shard;
    const shown = displayName(shard);
    const at = { ...onIndex, location: { byteOffset: first.byteOffset, logical: [displayName(first.tensor)] } };
    const unsafe = classifyShardPath(shard);
    if (unsafe) {
      report(shardPathUnsafe, unsafe, { ...at, data: { shard: shown }, evidence: { shard: shown, tensors: uses.length } });
      continue;
    }
    const entry = directory.lookup(path);
    if (!entry || entry.kind === 'directory') {
      report(shardMissing, 'missing', { ...at, data: { shard: shown, count: uses.length }, evidence: { shard: shown, path } });
      continue;
    }
    let read;
    try {
      read = await readShardTensors(await directory.open(path));
    } catch (error) {
      read = { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
    }
    if (!read.ok) {
      report(shardMissing, 'unreadable', { ...at, data: { shard: shown, reason: read.reason }, evidence: { shard: shown, path } });
      continue;
    }
    shardTensors.set(path, read.names);
  }
  if (signal?.aborted) return;

  const mapped = new Map(mappings.map((m) => [m.tensor, m]));
  for (const m of mappings) {
    if (shardTensors.get(m.key)?.has(m.tensor) === false) {
      const name = displayName(m.tensor);
      report(shardTensorMissing, 'missing', {
        ...onIndex,
        data: { name, shard: displayName(m.shard) },
        location: { byteOffset: m.byteOffset, logical: [name] },
      });
    }
  }

  const definedIn = new Map<string, string[]>();
  for (const [path, names] of shardTensors) {
    for (const tensor of names) {
      const list = definedIn.get(tensor);
      if (list) list.push(path);
      else definedIn.set(tensor, [path]);
    }
  }
  const nameOf = (path: string) => displayName(path.slice(path.lastIndexOf('/') + 1));
  for (const [tensor, paths] of definedIn) {
    const name = displayName(tensor);
    const mapping = mapped.get(tensor);
    const mappedTo = mapping ? displayName(mapping.shard) : 'no shard';
    if (paths.length > 1) {
      report(shardTensorDuplicate, 'duplicate', {
        ...onIndex,
        data: { name, count: paths.length, shards: paths.map(nameOf).join(', '), mapped: mappedTo },
        location: { ...(mapping ? { byteOffset: mapping.byteOffset } : {}), logical: [name] },
        evidence: { shards: paths.slice(0, 8).map(displayName) },
      });
      continue;
    }
    const path = paths[0]!;
    if (mapping?.key === path) continue;
    const at = { path, location: { logical: [name] } };
    const data = { name, shard: nameOf(path), index: indexPath };
    if (mapping) report(shardTensorUnlisted, 'mappedElsewhere', { ...at, data: { ...data, mapped: mappedTo } });
    else report(shardTensorUnlisted, 'unlisted', { ...at, data });
  }

  const pattern = shardNamePattern(indexName);
  const referenced = new Set(mappings.map((m) => m.key));
  for (const entry of directory.entries) {
    if (entry.kind === 'directory' || !pattern?.test(entry.name) || referenced.has(entry.path)) continue;
    report(shardUnreferenced, 'unreferenced', {
      path: entry.path,
      data: { shard: entry.name, index: indexPath },
      evidence: { index: indexPath },
    });
  }
}

/** Mappings grouped by shard key, in first-use order. */
function groupByShard(mappings: readonly Mapping[]): Map<string, Mapping[]> {
  const groups = new Map<string, Mapping[]>();
  for (const m of mappings) {
    const list = groups.get(m.key);
    if (list) list.push(m);
    else groups.set(m.key, [m]);
  }
  return groups;
}
