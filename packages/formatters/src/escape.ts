/**
 * Making untrusted text (file names, archive member names, messages quoting file content) safe to
 * print on a terminal: nothing may inject escape sequences, move the cursor, reorder text (bidi
 * overrides, "Trojan Source") or break a table row.
 */

/**
 * Characters that are never printed raw: backslash (so an escape is unambiguous), C0/C1 controls
 * and DEL (`\p{Cc}`), invisible format characters such as bidi overrides and zero-width spaces
 * (`\p{Cf}`), line/paragraph separators (`\p{Zl}`, `\p{Zp}`) and lone surrogates (`\p{Cs}`).
 */
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Characters that make a path ambiguous on a command line or in a column: quote such paths. */
const NEEDS_QUOTES = /[\s"'`$]/u;

const NAMED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/**
 * Escapes every character that could alter the terminal or the layout: `\n`, `\r`, `\t` and `\\`
 * by name, other C0/C1 controls and DEL as `\xNN`, and invisible format characters (bidi
 * controls, zero-width characters, U+2028/U+2029, lone surrogates) as `\u{NNNN}`.
 * Printable text, including non-ASCII letters and emoji, is kept as is.
 *
 * @param text - untrusted text.
 * @returns text containing no control or format characters.
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * Shows an untrusted file path on a terminal: escaped with {@link escapeTerminal}, and wrapped in
 * double quotes (with `"` escaped as `\"`) when it contains white space, quotes, `$`, or anything
 * that had to be escaped, so the printed name is unambiguous and copyable.
 *
 * @param path - a disk path, or `path!/member` for an archive member.
 * @returns a single-line, escape-free rendering of the path.
 */
export function escapePath(path: string): string {
  const escaped = escapeTerminal(path);
  if (escaped === path && !NEEDS_QUOTES.test(path) && path !== '') return path;
  return `"${escaped.replaceAll('"', '\\"')}"`;
}
