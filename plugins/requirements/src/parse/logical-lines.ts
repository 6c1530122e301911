/** One logical line of a requirements file: its text and the physical line it starts on. */
export interface LogicalLine {
  line: number;
  text: string;
}

const COMMENT_START = /^\s*#/;
const COMMENT = /(^|\s+)#.*$/;

/**
 * Turns a requirements file into logical lines exactly as pip's `req_file.preprocess` does:
 * a trailing backslash joins the next line (a comment line ends the join), then comments
 * (`#` at the start or after whitespace) are removed and blank lines dropped.
 */
export function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const joined: LogicalLine[] = [];
  let pending: string[] = [];
  let start = 0;
  physical.forEach((raw, index) => {
    const line = COMMENT_START.test(raw) ? ` ${raw}` : raw;
    if (!raw.endsWith('\\') || COMMENT_START.test(raw)) {
      if (pending.length) {
        pending.push(line);
        joined.push({ line: start, text: pending.join('') });
        pending = [];
      } else {
        joined.push({ line: index + 1, text: line });
      }
    } else {
      if (!pending.length) start = index + 1;
      pending.push(raw.replace(/\\+$/, ''));
    }
  });
  if (pending.length) joined.push({ line: start, text: pending.join('') });
  const out: LogicalLine[] = [];
  for (const { line, text: t } of joined) {
    const stripped = t.replace(COMMENT, '').trim();
    if (stripped) out.push({ line, text: stripped });
  }
  return out;
}

/** `${NAME}` references (pip expands only upper-case names, digits and `_`). */
export const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
