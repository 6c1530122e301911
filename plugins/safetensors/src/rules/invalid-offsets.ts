import { displayName } from '../format/display.js';
import type { TensorInfo } from '../header/tensor-info.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** Tensors that do not tile the data buffer from offset 0 without gaps or overlaps. */
export const invalidOffsets = defineRule('invalid-offsets', {
  description:
    'Tensor data_offsets, sorted as the loader sorts them, do not run contiguously from 0: a gap, an overlap or an end before the begin.',
  defaultSeverity: 'high',
  messages: {
    notAtZero: 'The first tensor, {{name}}, starts at data offset {{begin}}, not 0; {{count}} bytes before it belong to no tensor',
    gap: 'Tensor {{name}} starts at data offset {{begin}} but the previous tensor ends at {{expected}}; {{count}} bytes belong to no tensor',
    overlap: 'Tensor {{name}} starts at data offset {{begin}}, inside tensor {{previous}} which ends at {{expected}}',
    endBeforeBegin: 'Tensor {{name}} has data_offsets end {{end}} before begin {{begin}}',
  },
  tags: ['format', 'unloadable', 'polyglot'],
});

/**
 * Sorts tensors by (begin, end) as `Metadata::try_from` does (name breaks ties, for a stable
 * report) and walks them like `Metadata::validate`. Returns where the last tensor ends when the
 * layout is contiguous from 0, or undefined when it reported a problem.
 */
export function checkOffsets(tensors: readonly TensorInfo[], report: Report): bigint | undefined {
  const sorted = [...tensors].sort(
    (a, b) => cmp(a.begin, b.begin) || cmp(a.end, b.end) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  let start = 0n;
  let owner: TensorInfo | undefined; // the tensor that ends at `start`
  let ok = true;
  for (const tensor of sorted) {
    const name = displayName(tensor.name);
    const at = {
      location: { byteOffset: tensor.byteOffset, logical: [name] },
      evidence: { dataOffsets: [String(tensor.begin), String(tensor.end)] },
    };
    const begin = String(tensor.begin);
    if (tensor.begin !== start) {
      ok = false;
      if (owner === undefined) {
        report(invalidOffsets, 'notAtZero', { ...at, data: { name, begin, count: begin } });
      } else if (tensor.begin > start) {
        const count = String(tensor.begin - start);
        report(invalidOffsets, 'gap', { ...at, data: { name, begin, expected: String(start), count } });
      } else {
        const previous = displayName(owner.name);
        report(invalidOffsets, 'overlap', { ...at, data: { name, begin, previous, expected: String(start) } });
      }
    }
    if (tensor.end < tensor.begin) {
      ok = false;
      report(invalidOffsets, 'endBeforeBegin', { ...at, data: { name, begin, end: String(tensor.end) } });
    }
    const reach = tensor.end > tensor.begin ? tensor.end : tensor.begin;
    if (owner === undefined || reach >= start) {
      start = reach;
      owner = tensor;
    }
  }
  return ok ? start : undefined;
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
