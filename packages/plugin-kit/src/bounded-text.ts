import type { FileHandle } from '@modelgate/plugin-api';
import { isUtf8Text } from '@modelgate/plugin-api/utf8';

/** A file's text, read with a bound. */
export interface BoundedText {
  text: string;
  /** True when the file is larger than the bound and only its start was read. */
  truncated: boolean;
  /** True when the bytes hold NUL or invalid UTF-8: not text, whatever the name says. */
  binary: boolean;
}

/** Reads at most `maxBytes` (default 1 MiB) of a file as strict UTF-8, telling binary content apart. */
export async function readTextBounded(file: FileHandle, maxBytes = 1024 * 1024): Promise<BoundedText> {
  const bytes = await file.read(0, Math.min(file.size, maxBytes));
  const truncated = file.size > bytes.length;
  // A multi-byte character cut by the bound is not a reason to call the file binary.
  const binary = !isUtf8Text(bytes, truncated);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return { text, truncated, binary };
}

/** A JSON document that failed to parse, with where. */
export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'JsonParseError';
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads and parses a JSON file of at most `maxBytes` (default 16 MiB). Throws
 * {@link JsonParseError} with line and column, or an Error when the file is larger than the bound.
 */
export async function readJsonBounded(file: FileHandle, maxBytes = 16 * 1024 * 1024): Promise<unknown> {
  if (file.size > maxBytes) throw new Error(`${file.path} is ${file.size} bytes, over the ${maxBytes}-byte limit for JSON documents`);
  const { text, binary } = await readTextBounded(file, maxBytes);
  if (binary) throw new JsonParseError('not UTF-8 text', 1, 1);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const { line, column } = at ? lineColumn(text, Number(at[1])) : { line: 1, column: 1 };
    throw new JsonParseError(message.replace(/ in JSON at position \d+.*$/, ''), line, column);
  }
}
