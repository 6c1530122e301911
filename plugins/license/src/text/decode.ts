/** Why bytes are not readable text. */
export type NotText = 'nul-bytes' | 'invalid-utf8';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes as UTF-8 text, or says why they are not text: NUL bytes or invalid UTF-8.
 * `truncated` tolerates a multi-byte character cut at the end of a bounded read.
 * A UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, truncated = false): { text: string } | { notText: NotText } {
  if (bytes.includes(0)) return { notText: 'nul-bytes' };
  let end = bytes.length;
  if (truncated) {
    // Back up over an incomplete trailing sequence (at most 3 continuation/lead bytes).
    let back = 0;
    while (back < 3 && end - back > 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
    const lead = bytes[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) {
      const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
      if (back < need) end -= back + 1;
    }
  }
  try {
    const text = strict.decode(bytes.subarray(0, end));
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { notText: 'invalid-utf8' };
  }
}
