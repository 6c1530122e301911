const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file name's raw bytes into a printable string: valid UTF-8 passes through,
 * each byte of an invalid sequence becomes `\xNN` so different names stay different.
 */
export function displayName(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i]! < 0x80) continue;
      out += Buffer.from(bytes.subarray(start, i)).toString('latin1');
      if (i === bytes.length) break;
      const length = utf8SequenceLength(bytes, i);
      if (length > 0) {
        out += decoder.decode(bytes.subarray(i, i + length));
        i += length - 1;
      } else {
        out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      }
      start = i + 1;
    }
    return out;
  }
}

function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? (lead <= 0xef ? 3 : 0) : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (length === 0 || at + length > bytes.length) return 0;
  try {
    decoder.decode(bytes.subarray(at, at + length));
    return length;
  } catch {
    return 0;
  }
}
