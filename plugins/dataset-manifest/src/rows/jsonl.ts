const LF = 0x0a;
const MAX_LINE_BYTES = 1 << 20;

/** Is `b` JSON whitespace (space, tab, CR, LF)? */
function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === LF;
}

/**
 * Counts the non-blank lines of JSON Lines data. When `column` is set, parses each line (up to
 * 1 MiB) and passes the value of that top-level key to `onValue`.
 */
export async function countJsonLines(
  chunks: AsyncIterable<Uint8Array>,
  options: { column?: string; onValue?: (value: unknown) => void; signal?: AbortSignal } = {},
): Promise<number> {
  const decoder = new TextDecoder();
  let rows = 0;
  let content = false;
  let parts: Uint8Array[] = [];
  let length = 0;
  const capture = options.column !== undefined;
  const endLine = () => {
    if (content) {
      rows++;
      if (capture && length <= MAX_LINE_BYTES) {
        try {
          const value: unknown = JSON.parse(decoder.decode(concat(parts, length)));
          if (typeof value === 'object' && value !== null) options.onValue?.((value as Record<string, unknown>)[options.column!]);
        } catch {}
      }
    }
    content = false;
    parts = [];
    length = 0;
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) break;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LF) {
        if (capture) keep(chunk.subarray(start, i));
        endLine();
        start = i + 1;
      } else if (!content && !isSpace(b)) content = true;
    }
    if (capture) keep(chunk.subarray(start));
  }
  endLine();
  return rows;

  function keep(part: Uint8Array): void {
    if (length > MAX_LINE_BYTES || part.length === 0) {
      length += part.length;
      return;
    }
    parts.push(part.slice());
    length += part.length;
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
