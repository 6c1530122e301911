/** A modelgate manifest read by {@link fastReadManifest}. */
export interface FastManifest {
  version: number;
  tool: string;
  complete: boolean;
  files: { path: string; size: number; sha256: string; line: number }[];
}

const ENTRY_PATH = /^ {2}- path: ("(?:[^"\\\u0000-\u001f]|\\.)*")$/;
const ENTRY_SIZE = /^ {4}size: (0|[1-9][0-9]{0,15})$/;
const ENTRY_SHA = /^ {4}sha256: "([0-9a-f]{64})"$/;

/**
 * Reads the exact layout {@link writeManifest} produces, in one pass over the lines, ~50 times
 * faster than a general YAML parser on a 100,000-entry manifest. Anything else (another key,
 * other spacing, CRLF, a comment after a value, an unusual escape) returns undefined and the
 * caller falls back to the YAML parser, so both always agree on what the document says.
 */
export function fastReadManifest(text: string): FastManifest | undefined {
  const lines = text.split('\n');
  if (lines.pop() !== '') return undefined;
  let i = 0;
  while (i < lines.length && (lines[i]!.startsWith('#') || lines[i] === '')) i++;
  const header = /^manifest_version: (1)$/.exec(lines[i++] ?? '');
  const tool = /^tool: ("(?:[^"\\\u0000-\u001f]|\\.)*")$/.exec(lines[i++] ?? '');
  const complete = /^complete: (true|false)$/.exec(lines[i++] ?? '');
  const filesKey = lines[i++];
  if (!header || !tool || !complete || (filesKey !== 'files:' && filesKey !== 'files: []')) return undefined;
  const out: FastManifest = { version: 1, tool: '', complete: complete[1] === 'true', files: [] };
  const toolText = decode(tool[1]!);
  if (toolText === undefined) return undefined;
  out.tool = toolText;
  if (filesKey === 'files: []') return i === lines.length ? out : undefined;
  if (i === lines.length) return undefined;
  for (; i < lines.length; i += 3) {
    const path = ENTRY_PATH.exec(lines[i]!);
    const size = ENTRY_SIZE.exec(lines[i + 1] ?? '');
    const sha = ENTRY_SHA.exec(lines[i + 2] ?? '');
    if (!path || !size || !sha) return undefined;
    const decoded = decode(path[1]!);
    const bytes = Number(size[1]);
    if (decoded === undefined || !Number.isSafeInteger(bytes)) return undefined;
    out.files.push({ path: decoded, size: bytes, sha256: sha[1]!, line: i + 1 });
  }
  return out;
}

/** Decodes a quoted string if it uses only escapes JSON and YAML read alike. */
function decode(quoted: string): string | undefined {
  if (quoted.replace(/\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])/g, '').includes('\\')) return undefined;
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
