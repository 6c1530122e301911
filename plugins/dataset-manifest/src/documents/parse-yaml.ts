import { LineCounter, parseDocument } from 'yaml';
import { DocumentError } from './model.js';

/**
 * Most alias expansions a document may make. Manifests need none; a few are fine. A "billion
 * laughs" document needs thousands, and the yaml library stops it at this count.
 */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML document: its plain value, and the line of any node. */
export interface ParsedYaml {
  value: unknown;
  /** 1-based line of the node at `path` in the file, when it exists. */
  lineAt(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses YAML 1.2 (core schema: no timestamps, no custom tags resolved, duplicate keys
 * rejected) with the alias limit. Errors become {@link DocumentError}s with the 1-based line
 * and column in the file (`lineOffset` lines precede `text`, e.g. a front matter's `---`).
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    throw new DocumentError('INVALID_YAML', `invalid YAML (${error.code}): ${firstLine(error.message)}`, pos.line + lineOffset, pos.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(message)) {
      throw new DocumentError('YAML_ALIAS_LIMIT', `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses; a resource exhaustion attack?)`);
    }
    throw new DocumentError('INVALID_YAML', `invalid YAML: ${firstLine(message)}`);
  }
  return {
    value,
    lineAt(path) {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      const start = node?.range?.[0];
      return start === undefined ? undefined : lineCounter.linePos(start).line + lineOffset;
    },
  };
}

/** The yaml library's messages end with a code excerpt; keep the sentence. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
