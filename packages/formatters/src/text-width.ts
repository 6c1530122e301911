/**
 * Terminal column widths and wrapping for already-escaped, single-line text.
 * An approximation of Unicode East Asian Width that is good enough to align a table:
 * CJK, Hangul, full-width forms and emoji presentation count as two columns, combining marks as zero.
 */

/** One user-perceived character: a base code point and the combining marks that follow it. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const ZERO_WIDTH = /^[\p{M}\p{Cf}]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;

/** Code point ranges that a terminal draws two columns wide. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1b000, 0x1b2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function codePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  const code = char.codePointAt(0) ?? 0;
  if (EMOJI.test(char)) return 2;
  for (const [low, high] of WIDE) {
    if (code >= low && code <= high) return 2;
  }
  return 1;
}

/**
 * The number of terminal columns `text` occupies (text must contain no control characters).
 *
 * @param text - escaped text.
 * @returns its display width.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char);
  return width;
}

/** Splits text into clusters so combining marks are never separated from their base. */
function clusters(text: string): string[] {
  return text.match(CLUSTER) ?? [];
}

/** Breaks one over-long token into pieces of at most `width` columns. */
function hardBreak(token: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const cluster of clusters(token)) {
    const w = displayWidth(cluster);
    if (pieceWidth + w > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += cluster;
    pieceWidth += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Word-wraps escaped text to lines of at most `width` columns. Lines break after spaces and after
 * `/` (so paths and rule ids wrap at a separator); a token longer than a line is broken by
 * character. Never returns an empty array.
 *
 * @param text - escaped, single-line text.
 * @param width - the column width, at least 1.
 * @returns the wrapped lines.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  if (displayWidth(text) <= limit) return [text];
  const tokens = text.match(/[^ /]*(?: +|\/|$)/gu)?.filter((t) => t !== '') ?? [text];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const raw of tokens) {
    const token = line === '' ? raw.trimStart() : raw;
    if (token === '') continue;
    const w = displayWidth(token);
    const visible = displayWidth(token.trimEnd());
    if (lineWidth + visible <= limit) {
      line += token;
      lineWidth += w;
      continue;
    }
    if (line !== '') flush();
    const start = token.trimStart();
    if (displayWidth(start.trimEnd()) <= limit) {
      line = start;
      lineWidth = displayWidth(start);
      continue;
    }
    const body = start.trimEnd();
    const pieces = hardBreak(body, limit);
    const last = (pieces.pop() ?? '') + start.slice(body.length);
    for (const piece of pieces) lines.push(piece);
    line = last;
    lineWidth = displayWidth(last);
  }
  if (line.trimEnd() !== '' || lines.length === 0) flush();
  return lines;
}
