/**
 * Escaping for the HTML report. Everything in a report may be hostile (file and member names,
 * messages quoting file content): it is always inserted as text, never as markup.
 */

const HTML_SPECIAL = /[&<>"']/gu;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters that would be invisible or reorder text: controls, format characters (bidi overrides, zero-width), separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * Escapes `& < > " '` so text can go into element content and quoted attribute values.
 *
 * @param text - untrusted text.
 * @returns HTML-safe text.
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => ENTITIES[char] ?? char);
}

function codeOf(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * HTML for untrusted text shown to a person: HTML-escaped, and every invisible or
 * text-reordering character shown as a marked escape (`\n`, `\x1b`, `\u{202e}`), so a file name
 * can neither inject markup nor disguise itself ("Trojan Source").
 *
 * @param text - untrusted text.
 * @returns HTML markup (text plus `<span class="esc">` marks).
 */
export function visibleHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    out += escapeHtml(text.slice(last, match.index));
    out += `<span class="esc" title="escaped character">${escapeHtml(codeOf(match[0]))}</span>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * Plain text for an attribute value or a `title`: invisible characters written as escapes, then
 * HTML-escaped.
 *
 * @param text - untrusted text.
 */
export function attributeText(text: string): string {
  return escapeHtml(text.replace(INVISIBLE, codeOf));
}
