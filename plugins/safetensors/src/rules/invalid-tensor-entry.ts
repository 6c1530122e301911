import { dtypeBits } from '../format/dtypes.js';
import { displayName } from '../format/display.js';
import { PREFIX_BYTES, U64_MAX } from '../format/limits.js';
import type { TensorInfo } from '../header/tensor-info.js';
import { jsonTypeName, type JsonMember, type JsonNode } from '../json/node.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';
import { nonstandardTensorEntry } from './nonstandard-tensor-entry.js';

/** A tensor entry the loader cannot deserialize into `TensorInfo`. */
export const invalidTensorEntry = defineRule('invalid-tensor-entry', {
  description:
    'A tensor entry is not {dtype, shape, data_offsets} with a known dtype, a shape of non-negative integers and two integer offsets.',
  defaultSeverity: 'high',
  messages: {
    notObject: 'Tensor {{name}} is {{type}}, not an object with dtype, shape and data_offsets',
    missingField: 'Tensor {{name}} has no {{field}}',
    unknownDtype: 'Tensor {{name}} has dtype {{dtype}}, which the loader does not know',
    dtypeNotString: 'Tensor {{name}} has a dtype that is {{type}}, not a string',
    invalidShape: 'Tensor {{name}} has an invalid shape: {{reason}}',
    invalidOffsets: 'Tensor {{name}} has invalid data_offsets: {{reason}}',
  },
  tags: ['format', 'unloadable'],
});

const FIELDS = ['dtype', 'shape', 'data_offsets'] as const;
const INTEGER = /^[0-9]+$/;

/**
 * Interprets one top-level header member as serde deserializes `TensorInfo`: an object
 * (unknown fields ignored, last duplicate wins) or, as serde also allows for structs, an array
 * of exactly [dtype, shape, data_offsets]. Reports problems and returns undefined on any.
 */
export function readTensorEntry(member: JsonMember, report: Report): TensorInfo | undefined {
  const name = displayName(member.key);
  const node = member.value;
  const at = (n: JsonNode) => ({ byteOffset: PREFIX_BYTES + n.start, logical: [name] });
  let fields: Partial<Record<(typeof FIELDS)[number], JsonNode>>;
  if (node.kind === 'object') {
    fields = {};
    for (const m of node.members) {
      // Last duplicate wins, as in a serde map; other keys are ignored like unknown fields.
      if (m.key === 'dtype' || m.key === 'shape' || m.key === 'data_offsets') fields[m.key] = m.value;
    }
  } else if (node.kind === 'array' && node.items.length === 3) {
    report(nonstandardTensorEntry, 'entryAsArray', { data: { name }, location: at(node) });
    fields = { dtype: node.items[0]!, shape: node.items[1]!, data_offsets: node.items[2]! };
  } else {
    const type = node.kind === 'array' ? `an array of ${node.items.length} items` : jsonTypeName(node);
    report(invalidTensorEntry, 'notObject', { data: { name, type }, location: at(node) });
    return undefined;
  }

  let ok = true;
  for (const field of FIELDS) {
    if (fields[field] === undefined) {
      report(invalidTensorEntry, 'missingField', { data: { name, field }, location: at(node) });
      ok = false;
    }
  }
  const dtype = fields.dtype && readDtype(name, fields.dtype, report);
  const shape = fields.shape && readU64Array(fields.shape);
  if (typeof shape === 'string') {
    report(invalidTensorEntry, 'invalidShape', { data: { name, reason: shape }, location: at(fields.shape!) });
  }
  let offsets = fields.data_offsets && readU64Array(fields.data_offsets);
  if (Array.isArray(offsets) && offsets.length !== 2) offsets = `${offsets.length} values instead of [begin, end]`;
  if (typeof offsets === 'string') {
    const location = at(fields.data_offsets!);
    report(invalidTensorEntry, 'invalidOffsets', { data: { name, reason: offsets }, location });
  }
  if (!ok || !dtype || !Array.isArray(shape) || !Array.isArray(offsets)) return undefined;
  return {
    name: member.key,
    dtype: dtype.name,
    bits: dtype.bits,
    shape,
    begin: offsets[0]!,
    end: offsets[1]!,
    byteOffset: PREFIX_BYTES + member.keyStart,
  };
}

/** A dtype string, or serde's externally tagged form `{"F32": null}` (reported as non-standard). */
function readDtype(name: string, node: JsonNode, report: Report): { name: string; bits: number } | undefined {
  const location = { byteOffset: PREFIX_BYTES + node.start, logical: [name] };
  let dtype: string;
  if (node.kind === 'string') dtype = node.value;
  else if (node.kind === 'object' && node.members.length === 1 && node.members[0]!.value.kind === 'null') {
    dtype = node.members[0]!.key;
    if (dtypeBits(dtype) !== undefined) {
      report(nonstandardTensorEntry, 'dtypeAsMap', { data: { name, dtype }, location });
    }
  } else {
    report(invalidTensorEntry, 'dtypeNotString', { data: { name, type: jsonTypeName(node) }, location });
    return undefined;
  }
  const bits = dtypeBits(dtype);
  if (bits === undefined) {
    report(invalidTensorEntry, 'unknownDtype', { data: { name, dtype: displayName(dtype) }, location });
    return undefined;
  }
  return { name: dtype, bits };
}

/**
 * An array of `usize` as serde_json reads it: plain integers 0..2^64-1. Negative numbers,
 * `-0`, fractions, exponents and larger integers (which serde_json turns into floats) fail.
 * Returns the values, or the reason they are invalid.
 */
function readU64Array(node: JsonNode): bigint[] | string {
  if (node.kind !== 'array') return `expected an array, found ${jsonTypeName(node)}`;
  const values: bigint[] = [];
  for (const [i, item] of node.items.entries()) {
    if (item.kind !== 'number') return `item ${i} is ${jsonTypeName(item)}, not an integer`;
    if (item.raw.startsWith('-')) return `item ${i} (${item.raw.slice(0, 40)}) is negative`;
    if (!INTEGER.test(item.raw)) return `item ${i} (${item.raw.slice(0, 40)}) is not an integer`;
    const value = BigInt(item.raw);
    if (value > U64_MAX) return `item ${i} (${item.raw.slice(0, 40)}) does not fit in 64 bits`;
    values.push(value);
  }
  return values;
}
