/**
 * The YAML front matter of a Markdown card (`---` on the first line, up to the next `---` or
 * `...` line), with the number of lines before it. Undefined when there is none.
 */
export function extractFrontMatter(markdown: string): { yaml: string; lineOffset: number } | undefined {
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return undefined;
  return { yaml: rest.slice(0, close.index), lineOffset: 1 };
}
