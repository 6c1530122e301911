/** 1-based line number of the character at `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Line of the first occurrence of `needle` at or after `from` (a best-effort position for
 * parsers that give none, such as TOML). Falls back to the line of `from`.
 */
export function findLine(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  return lineAt(text, at === -1 ? from : at);
}

/** Cuts `text` to at most `max` characters for messages and evidence. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Line of a TOML key `name = …` (bare or quoted) at or after `from`; falls back to the line of `from`. */
export function findKeyLine(text: string, name: string, from = 0): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^[ \\t]*["']?${escaped}["']?[ \\t]*=`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return lineAt(text, m ? m.index : from);
}
