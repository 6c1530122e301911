import { displayName, displayShape } from '../format/display.js';
import { U64_MAX } from '../format/limits.js';
import type { TensorInfo } from '../header/tensor-info.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** data_offsets that do not span product(shape) × dtype size. */
export const tensorSizeMismatch = defineRule('tensor-size-mismatch', {
  description:
    "A tensor's data_offsets do not span exactly product(shape) × dtype size bytes, or that size overflows or is not whole bytes.",
  defaultSeverity: 'high',
  messages: {
    sizeMismatch:
      'Tensor {{name}}: {{dtype}} with shape [{{shape}}] needs {{expected}} bytes but data_offsets span {{actual}}',
    overflow: 'Tensor {{name}}: the size of {{dtype}} with shape [{{shape}}] overflows 64 bits',
    misaligned: 'Tensor {{name}}: {{elements}} elements of {{dtype}} ({{bits}} bits each) do not fill whole bytes',
  },
  tags: ['format', 'unloadable'],
  cwe: ['CWE-190'],
});

/**
 * The loader's size check: nelements = shape folded with `checked_mul` (so an overflow before a
 * zero dimension still counts), nbits = nelements × bits (checked), nbits must be a multiple of 8,
 * and end − begin must equal nbits / 8. Returns false when it reported something.
 */
export function checkTensorSize(tensor: TensorInfo, report: Report): boolean {
  const name = displayName(tensor.name);
  const base = { name, dtype: tensor.dtype, shape: displayShape(tensor.shape) };
  const location = { byteOffset: tensor.byteOffset, logical: [name] };
  const evidence = {
    dtype: tensor.dtype,
    shape: tensor.shape.slice(0, 16).map(String),
    dataOffsets: [String(tensor.begin), String(tensor.end)],
  };
  let elements = 1n;
  for (const dim of tensor.shape) {
    elements *= dim;
    if (elements > U64_MAX) {
      report(tensorSizeMismatch, 'overflow', { data: base, location, evidence });
      return false;
    }
  }
  const bits = elements * BigInt(tensor.bits);
  if (bits > U64_MAX) {
    report(tensorSizeMismatch, 'overflow', { data: base, location, evidence });
    return false;
  }
  if (bits % 8n !== 0n) {
    const data = { ...base, elements: String(elements), bits: tensor.bits };
    report(tensorSizeMismatch, 'misaligned', { data, location, evidence });
    return false;
  }
  const expected = bits / 8n;
  if (tensor.end >= tensor.begin && tensor.end - tensor.begin !== expected) {
    report(tensorSizeMismatch, 'sizeMismatch', {
      data: { ...base, expected: String(expected), actual: String(tensor.end - tensor.begin) },
      location,
      evidence,
    });
    return false;
  }
  return true;
}
