const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** UTF-8 (lenient) with a fast path for short ASCII. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length <= 48) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return utf8.decode(bytes);
      out += String.fromCharCode(b);
    }
    return out;
  }
  return utf8.decode(bytes);
}

/** Each byte as one code point. */
export function decodeLatin1(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}

/** Python's `raw-unicode-escape` (protocol 0 UNICODE): `\uXXXX`, `\UXXXXXXXX`, other bytes as latin-1. */
export function decodeRawUnicodeEscape(bytes: Uint8Array): string {
  const text = latin1.decode(bytes);
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4: string | undefined, u8: string | undefined) => {
    const code = parseInt((u4 ?? u8)!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * Decodes a protocol-0 STRING argument (a Python repr, quoted with ' or ") to latin-1 text;
 * undefined when it is not quoted as the unpickler requires.
 */
export function decodeReprString(bytes: Uint8Array): string | undefined {
  const raw = latin1.decode(bytes);
  if (raw.length < 2 || (raw[0] !== "'" && raw[0] !== '"') || raw[raw.length - 1] !== raw[0]) return undefined;
  const body = raw.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/gs, (_, esc: string) => {
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    return simple[esc] ?? `\\${esc}`;
  });
}
