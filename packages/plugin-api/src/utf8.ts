/**
 * Whether bytes are text, as the engine's sniffer and the plugin kit's bounded reads decide it.
 * (Exported as `@modelgate/plugin-api/utf8`.)
 */
import { isUtf8 } from 'node:buffer';

/**
 * True when `bytes` hold no NUL and are valid UTF-8. With `cut`, the bytes are the start of
 * something longer: a multi-byte character that their end cuts short does not count against them.
 */
export function isUtf8Text(bytes: Uint8Array, cut: boolean): boolean {
  return !bytes.includes(0) && isUtf8(cut ? withoutCutSequence(bytes) : bytes);
}

/** `bytes` without a UTF-8 sequence their end cuts short; a complete sequence at the end is kept. */
export function withoutCutSequence(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return bytes.length - i < length ? bytes.subarray(0, i) : bytes;
  }
  return bytes;
}
