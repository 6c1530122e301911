import { parseYamlMapping, type YamlError, type YamlMapping } from './yaml-doc.js';

/** Largest front matter read: Hub cards with big `model-index` blocks stay well below. */
export const MAX_CARD_BYTES = 1024 * 1024;

/**
 * The YAML front matter of a Markdown card (`---` … `---` at the very start): `none` when the
 * file has none, otherwise its parsed mapping or why it could not be read.
 */
export async function parseFrontMatter(text: string): Promise<{ none: true } | YamlMapping | YamlError> {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  if (firstLine.replace(/^\uFEFF/, '').trimEnd() !== '---') return { none: true };
  const lines = text.split('\n');
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '---' || line === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) return { error: 'the front matter has no closing "---" line', line: 1 };
  // Line 1 is the opening "---", so YAML line n is file line n + 1.
  return parseYamlMapping(lines.slice(1, end).join('\n'), 1);
}
