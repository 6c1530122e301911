import { parse as parseWithPositions } from '@humanwhocodes/momoa';
import { DocumentError } from './model.js';

/**
 * Parses JSON with `JSON.parse`; on a syntax error, finds the 1-based line and column with
 * momoa (V8's messages on Node 20 often carry no position) and throws a {@link DocumentError}.
 * A leading BOM is skipped, as most readers do.
 */
export function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = errorPosition(body);
    throw new DocumentError('INVALID_JSON', `invalid JSON: ${shorten(message)}`, line, column);
  }
}

/** Where the syntax error is: momoa's position, or the end of the text when the input ends early. */
function errorPosition(text: string): { line: number; column: number } {
  try {
    parseWithPositions(text, { mode: 'json' });
  } catch (error) {
    const { line, column, message } = error as { line?: number; column?: number; message?: string };
    if (typeof line === 'number' && typeof column === 'number' && !/end of input/i.test(message ?? '')) return { line, column };
  }
  return lineColumn(text, text.length);
}

/** V8 quotes the surrounding text; keep the reason. */
function shorten(message: string): string {
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s+/g, ' ').slice(0, 160);
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
