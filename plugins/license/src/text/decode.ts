import { withoutCutSequence } from '@modelgate/plugin-api/utf8';

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
  try {
    const text = strict.decode(truncated ? withoutCutSequence(bytes) : bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { notText: 'invalid-utf8' };
  }
}
