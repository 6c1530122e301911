import type { FileHandle } from '@modelgate/plugin-api';
import { MAX_HEADER_BYTES, PREFIX_BYTES } from './format/limits.js';
import { parseHeader } from './header/parse-header.js';
import { readHeader } from './header/read-header.js';
import type { TensorInfo } from './header/tensor-info.js';
import { lastWins } from './json/node.js';
import type { Report } from './reporter.js';
import { checkBufferTruncated } from './rules/buffer-truncated.js';
import { checkDuplicateKeys } from './rules/duplicate-key.js';
import { headerLengthOutOfBounds } from './rules/header-length-out-of-bounds.js';
import { checkHeaderPadding } from './rules/header-padding.js';
import { headerTooLarge } from './rules/header-too-large.js';
import { headerTooSmall } from './rules/header-too-small.js';
import { invalidHeader } from './rules/invalid-header.js';
import { checkMetadata } from './rules/invalid-metadata.js';
import { checkOffsets } from './rules/invalid-offsets.js';
import { readTensorEntry } from './rules/invalid-tensor-entry.js';
import { checkTensorName } from './rules/suspicious-tensor-name.js';
import { checkTensorSize } from './rules/tensor-size-mismatch.js';
import { checkTrailingData } from './rules/trailing-data.js';

/**
 * Validates one safetensors file as the Rust loader would, reading only the 8-byte prefix and
 * the header. Stops at the first problem that makes the rest unreadable (prefix, length,
 * UTF-8, JSON); past that, reports every problem it finds rather than only the first.
 */
export async function checkFile(file: FileHandle, report: Report, signal?: AbortSignal): Promise<void> {
  const read = await readHeader(file);
  switch (read.kind) {
    case 'too-small':
      report(headerTooSmall, 'tooSmall', {
        data: { size: read.size },
        location: { byteOffset: 0 },
        evidence: { size: read.size },
      });
      return;
    case 'too-large':
      report(headerTooLarge, 'tooLarge', {
        data: { length: String(read.length) },
        location: { byteOffset: 0 },
        evidence: { headerLength: String(read.length), limit: MAX_HEADER_BYTES, fileSize: read.size },
      });
      return;
    case 'past-end': {
      const needed = String(BigInt(PREFIX_BYTES) + read.length);
      report(headerLengthOutOfBounds, 'pastEnd', {
        data: { length: String(read.length), needed, size: read.size },
        location: { byteOffset: 0 },
        evidence: { headerLength: String(read.length), fileSize: read.size },
      });
      return;
    }
  }
  if (signal?.aborted) return;

  const parsed = parseHeader(read.bytes);
  switch (parsed.kind) {
    case 'not-utf8':
    case 'not-json': {
      const offset = PREFIX_BYTES + parsed.offset;
      const at = {
        location: { byteOffset: offset },
        evidence: { headerLength: read.length, context: excerpt(read.bytes, parsed.offset) },
      };
      if (parsed.kind === 'not-utf8') report(invalidHeader, 'notUtf8', { ...at, data: { offset } });
      else report(invalidHeader, 'notJson', { ...at, data: { offset, reason: parsed.reason } });
      return;
    }
    case 'not-object':
      report(invalidHeader, 'notObject', { data: { type: parsed.type }, location: { byteOffset: PREFIX_BYTES } });
      return;
  }

  const root = parsed.root;
  checkHeaderPadding(read.bytes, root, report);
  checkDuplicateKeys(root, { baseOffset: PREFIX_BYTES, topLevelAreTensors: true }, report);
  if (signal?.aborted) return;

  const tensors: TensorInfo[] = [];
  let allValid = true;
  for (const member of lastWins(root).values()) {
    if (member.key === '__metadata__') {
      checkMetadata(member, report);
      continue;
    }
    checkTensorName(member, report);
    const tensor = readTensorEntry(member, report);
    if (tensor) tensors.push(tensor);
    else allValid = false;
  }
  if (signal?.aborted) return;

  for (const tensor of tensors) checkTensorSize(tensor, report);
  // With an entry missing, the layout has holes that are not the file's real layout: stop here.
  if (!allValid) return;
  const end = checkOffsets(tensors, report);
  if (end === undefined) return;
  const bufferLength = BigInt(read.size) - BigInt(PREFIX_BYTES + read.length);
  checkTrailingData(end, bufferLength, read.length, report);
  checkBufferTruncated(end, bufferLength, read.length, report);
}

/** Up to 24 bytes around `offset`, as latin1 text, for evidence. */
function excerpt(bytes: Uint8Array, offset: number): string {
  const from = Math.max(0, offset - 12);
  return Buffer.from(bytes.subarray(from, Math.min(bytes.length, offset + 12))).toString('latin1');
}
