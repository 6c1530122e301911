import type { FileFormat } from '@modelgate/plugin-api';
import { isUtf8Text } from '@modelgate/plugin-api/utf8';

/** How many leading bytes {@link sniffFormat} wants. */
export const SNIFF_BYTES = 4096;

const PICKLE_V0_START = new Set('(]})cKNIJSVXFLMUTGdtl'.split('').map((c) => c.charCodeAt(0)));

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 9) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength < 2n || headerLength + 8n > BigInt(size)) return false;
  return head[8] === 0x7b; // '{'
}

/**
 * Decides a file's format from its first bytes (`head`, up to {@link SNIFF_BYTES}) and its
 * last byte (`lastByte`, needed to tell protocol 0/1 pickles from text). Never looks at names.
 * Text is UTF-8 without NUL; a character cut at the end of `head` does not count against it.
 */
export function sniffFormat(head: Uint8Array, size: number, lastByte?: number): FileFormat {
  if (size === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'npy';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x42, 0x5a, 0x68]) && head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39) return 'bz2';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(head, [0x47, 0x47, 0x55, 0x46])) return 'gguf';
  if (startsWith(head, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return 'tar';
  // Before pickle: a header length such as 0x0280 starts with the bytes of a pickle PROTO opcode.
  if (looksLikeSafetensors(head, size)) return 'safetensors';
  if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5) return 'pickle';
  // Protocol 0/1 pickles start with an opcode and end with STOP ('.').
  if (head[0] !== undefined && PICKLE_V0_START.has(head[0]) && lastByte === 0x2e && !isJsonStart(head)) {
    if (!isUtf8Text(head, true) || head[0] === 0x28 /* ( MARK */ || startsWithTextGlobal(head)) return 'pickle';
  }
  if (isUtf8Text(head, true)) return isJsonStart(head) ? 'json' : 'text';
  return 'binary';
}

function isJsonStart(head: Uint8Array): boolean {
  for (const byte of head) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

/** `c<module>\n<name>\n`: the GLOBAL opcode as protocol 0 writes it. */
function startsWithTextGlobal(head: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 512));
  return /^c[\w.]+\n[\w.]+\n/.test(start);
}
