import { emptyParsed, type ParsedFile } from '../model.js';
import { clip } from '../text/lines.js';
import { shellWords } from '../text/shell-words.js';
import { cudaFromIndexUrl, cudaFromLocalVersion } from './cuda-hints.js';
import { logicalLines } from './logical-lines.js';
import { toRequirement } from './requirement-line.js';

/** pip's file-level options (`req_file.SUPPORTED_OPTIONS`): short and long names → canonical. */
const FILE_OPTIONS: Record<string, { name: string; takesValue: boolean }> = {
  '-r': { name: 'requirement', takesValue: true },
  '--requirement': { name: 'requirement', takesValue: true },
  '-c': { name: 'constraint', takesValue: true },
  '--constraint': { name: 'constraint', takesValue: true },
  '-e': { name: 'editable', takesValue: true },
  '--editable': { name: 'editable', takesValue: true },
  '-i': { name: 'index-url', takesValue: true },
  '--index-url': { name: 'index-url', takesValue: true },
  '--extra-index-url': { name: 'extra-index-url', takesValue: true },
  '--no-index': { name: 'no-index', takesValue: false },
  '-f': { name: 'find-links', takesValue: true },
  '--find-links': { name: 'find-links', takesValue: true },
  '--trusted-host': { name: 'trusted-host', takesValue: true },
  '--pre': { name: 'pre', takesValue: false },
  '--prefer-binary': { name: 'prefer-binary', takesValue: false },
  '--require-hashes': { name: 'require-hashes', takesValue: false },
  '--only-binary': { name: 'only-binary', takesValue: true },
  '--no-binary': { name: 'no-binary', takesValue: true },
  '--use-feature': { name: 'use-feature', takesValue: true },
};

/** pip's per-requirement options (`SUPPORTED_OPTIONS_REQ`). */
const REQ_OPTIONS: Record<string, { name: string; takesValue: boolean }> = {
  '--hash': { name: 'hash', takesValue: true },
  '--global-option': { name: 'global-option', takesValue: true },
  '--config-settings': { name: 'config-settings', takesValue: true },
  '-C': { name: 'config-settings', takesValue: true },
};

/** Options accepted on a requirement line: pip parses them with both tables. */
const LINE_OPTIONS = { ...REQ_OPTIONS, ...FILE_OPTIONS };

type Option = { name: string; value?: string };

/** Splits `--opt=value`, `--opt value`, `-rfile`, `-r file` into options; unknown ones are reported. */
function parseOptions(words: string[], table: Record<string, { name: string; takesValue: boolean }>): { options: Option[]; unknown?: string; missing?: string } {
  const options: Option[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let key = word;
    let value: string | undefined;
    const eq = word.indexOf('=');
    if (word.startsWith('--') && eq !== -1) {
      key = word.slice(0, eq);
      value = word.slice(eq + 1);
    } else if (/^-[A-Za-z]./.test(word) && !word.startsWith('--')) {
      key = word.slice(0, 2);
      value = word.slice(2);
    }
    const spec = table[key];
    if (!spec) return { options, unknown: word };
    if (spec.takesValue && value === undefined) {
      value = words[++i];
      if (value === undefined) return { options, missing: key };
    }
    options.push({ name: spec.name, ...(value !== undefined && { value }) });
  }
  return { options };
}

/** pip's `break_args_options`: words before the first one starting with `-` are the requirement. */
function breakArgsOptions(line: string): { args: string; options: string } {
  const tokens = line.split(' ');
  const at = tokens.findIndex((t) => t.startsWith('-'));
  if (at === -1) return { args: line, options: '' };
  return { args: tokens.slice(0, at).join(' '), options: tokens.slice(at).join(' ') };
}

/**
 * Parses a requirements (or constraints) file as pip's `req_file.py` does: logical lines,
 * requirement lines with `--hash`, and the file-level options (`-r`, `-c`, `-e`, indexes,
 * `--trusted-host`, `--find-links`, `--require-hashes`…). Unknown options and invalid
 * requirements are recorded as problems (pip would refuse the file), never thrown.
 */
export function parseRequirementsText(text: string, path: string, options: { constraint?: boolean; firstLine?: number } = {}): ParsedFile {
  const file = emptyParsed(path, 'requirements', !options.constraint);
  const offset = (options.firstLine ?? 1) - 1;
  for (const { line: physical, text: lineText } of logicalLines(text)) {
    const line = physical + offset;
    const { args, options: optionText } = breakArgsOptions(lineText);
    if (args.trim()) {
      const { options: reqOptions, unknown, missing } = optionText ? parseOptions(shellWords(optionText), LINE_OPTIONS) : { options: [] as Option[], unknown: undefined, missing: undefined };
      if (unknown || missing) {
        file.problems.push({ kind: 'unknown-option', line, text: clip(lineText), detail: unknown ? `no such option: ${unknown}` : `${missing} option requires an argument` });
        continue;
      }
      const hashes = reqOptions.length ? reqOptions.filter((o) => o.name === 'hash').map((o) => o.value!.toLowerCase()) : [];
      const parsed = toRequirement(args, { path, line }, { hashes, ...(options.constraint && { constraint: true }) });
      if (!parsed.ok) {
        file.problems.push({ kind: parsed.kind, line, text: clip(lineText), detail: parsed.detail });
        continue;
      }
      file.requirements.push(parsed.req);
      const cuda = parsed.req.pinned ? cudaFromLocalVersion(parsed.req.key, parsed.req.pinned) : undefined;
      if (cuda) file.cuda.push({ cuda, source: 'local-version', line, path, text: parsed.req.raw });
      continue;
    }
    const { options: fileOptions, unknown, missing } = parseOptions(shellWords(optionText), FILE_OPTIONS);
    if (unknown || missing) {
      file.problems.push({ kind: 'unknown-option', line, text: clip(lineText), detail: unknown ? `no such option: ${unknown}` : `${missing} option requires an argument` });
      continue;
    }
    for (const option of fileOptions) applyFileOption(file, option, line, lineText, options.constraint === true);
  }
  return file;
}

function applyFileOption(file: ParsedFile, option: Option, line: number, lineText: string, constraint: boolean): void {
  const value = option.value ?? '';
  const path = file.path;
  switch (option.name) {
    case 'requirement':
    case 'constraint':
      file.includes.push({ kind: option.name, target: value, line, path });
      break;
    case 'editable': {
      const parsed = toRequirement(value, { path, line }, { editable: true, ...(constraint && { constraint: true }) });
      if (parsed.ok) file.requirements.push(parsed.req);
      else file.problems.push({ kind: parsed.kind, line, text: clip(lineText), detail: parsed.detail });
      break;
    }
    case 'index-url':
    case 'extra-index-url':
    case 'find-links':
    case 'trusted-host': {
      file.indexes.push({ kind: option.name, url: value, line, path });
      const cuda = option.name === 'trusted-host' ? undefined : cudaFromIndexUrl(value);
      if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path, text: clip(value) });
      break;
    }
    case 'require-hashes':
      file.requireHashes ??= line;
      break;
    default:
      break;
  }
}
