import { emptyParsed, type ParsedFile } from '../model.js';
import { clip, lineAt } from '../text/lines.js';
import { shellWords } from '../text/shell-words.js';
import { cudaFromImage, cudaFromIndexUrl, cudaFromLocalVersion, splitImage } from './cuda-hints.js';
import { toRequirement } from './requirement-line.js';

/** One Dockerfile instruction with the offset of its first character. */
interface Instruction {
  keyword: string;
  args: string;
  offset: number;
}

/** `pip install` options that take a value (so the value is not taken for a requirement). */
const VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '--trusted-host', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--src',
  '--upgrade-strategy', '--progress-bar', '--timeout', '--retries', '--cache-dir', '--log', '--proxy', '--cert', '--client-cert',
  '--exists-action', '--only-binary', '--no-binary', '--config-settings', '-C', '--global-option', '--python', '--report', '--use-feature',
  '--index-strategy', '--extra-index', '--index', '--default-index', '-p', '--constraints', '--overrides',
]);

/** Splits a Dockerfile into instructions: `\` continuations joined, comment lines dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let current: Instruction | undefined;
  for (const raw of lines) {
    const lineOffset = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (/^\s*#/.test(line)) continue;
    const continued = /\\\s*$/.test(line);
    const body = continued ? line.replace(/\\\s*$/, '') : line;
    if (current) current.args += ` ${body.trim()}`;
    else if (body.trim()) {
      const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(body);
      if (m) current = { keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), offset: lineOffset };
    }
    if (!continued && current) {
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

function substitute(text: string, args: Map<string, string>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => args.get(name) ?? whole);
}

/** Shell commands of a RUN instruction (shell form or exec form). */
function commands(args: string): string[][] {
  if (args.startsWith('[')) {
    try {
      const argv = JSON.parse(args) as unknown;
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) {
        const joined = (argv as string[]).join(' ');
        return commands(/^(\/bin\/)?(ba)?sh$/.test(argv[0] as string) && argv[1] === '-c' ? (argv[2] as string) ?? '' : joined);
      }
    } catch {
      return [];
    }
  }
  return args.split(/&&|\|\||;|\||\n/).map((part) => shellWords(part.trim()));
}

/** The arguments after `install` when a command runs pip (or `uv pip`), else undefined. */
function pipInstallArgs(words: string[]): string[] | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const isPip = /(^|\/)pip[0-9.]*$/.test(w) && !/(^|\/)pipx$/.test(w);
    const isModule = /(^|\/)python[0-9.]*$/.test(w) && words[i + 1] === '-m' && /^pip[0-9.]*$/.test(words[i + 2] ?? '');
    const isUv = w === 'uv' && words[i + 1] === 'pip';
    const at = isPip ? i + 1 : isModule ? i + 3 : isUv ? i + 2 : -1;
    if (at === -1) continue;
    return words[at] === 'install' ? words.slice(at + 1) : undefined;
  }
  return undefined;
}

/**
 * Parses a Dockerfile: base images (`FROM`, with `ARG` defaults substituted) for their CUDA and
 * torch versions, and `pip install` / `python -m pip install` / `uv pip install` commands in RUN
 * instructions: requirements, `-r`/`-c` files (resolved against the Dockerfile's directory, best
 * effort), indexes and trusted hosts.
 */
export function parseDockerfile(text: string, path: string): ParsedFile {
  const file = emptyParsed(path, 'dockerfile', true);
  const args = new Map<string, string>();
  for (const ins of instructions(text)) {
    const line = lineAt(text, ins.offset);
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
      for (const m of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S+)/g)) args.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
    } else if (ins.keyword === 'FROM') {
      const image = substitute(ins.args.split(/\s+/).find((w) => !w.startsWith('--')) ?? '', args);
      addBaseImage(file, image, line);
    } else if (ins.keyword === 'RUN') {
      for (const words of commands(ins.args)) {
        const pipArgs = pipInstallArgs(words);
        if (pipArgs) addPipInstall(file, pipArgs.map((w) => substitute(w, args).replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '${$1}')), text, ins.offset);
      }
    }
  }
  return file;
}

function addBaseImage(file: ParsedFile, image: string, line: number): void {
  const cuda = cudaFromImage(image);
  if (cuda) file.cuda.push({ cuda, source: 'base-image', line, path: file.path, text: clip(image) });
  const [repo, tag] = splitImage(image);
  const torch = /(^|\/)pytorch\/pytorch$/.test(repo) ? /^(\d+\.\d+\.\d+)/.exec(tag)?.[1] : undefined;
  if (torch) {
    file.requirements.push({ name: 'torch', key: 'torch', specifier: `==${torch}`, pinned: torch, extras: [], hashes: [], locked: true, line, path: file.path, raw: clip(`FROM ${image}`) });
  }
}

function addPipInstall(file: ParsedFile, words: string[], text: string, from: number): void {
  const path = file.path;
  const lineOf = (word: string) => lineAt(text, Math.max(from, text.indexOf(word, from)));
  let hashes: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let key = word;
    let value: string | undefined;
    if (word.startsWith('--') && word.includes('=')) {
      key = word.slice(0, word.indexOf('='));
      value = word.slice(word.indexOf('=') + 1);
    } else if (/^-[rcief]./.test(word)) {
      key = word.slice(0, 2);
      value = word.slice(2);
    }
    if (key.startsWith('-')) {
      if (VALUE_OPTIONS.has(key) && value === undefined) value = words[++i];
      if (key === '--hash' && value) hashes.push(value);
      const line = lineOf(value ?? word);
      if (value === undefined) {
        if (key === '--require-hashes') file.requireHashes ??= line;
        continue;
      }
      if (key === '-r' || key === '--requirement' || key === '-c' || key === '--constraint' || key === '--constraints') {
        file.includes.push({ kind: key.startsWith('-r') || key === '--requirement' ? 'requirement' : 'constraint', target: value, line, path, bestEffort: true });
      } else if (key === '-i' || key === '--index-url' || key === '--default-index' || key === '--extra-index-url' || key === '--extra-index' || key === '--index' || key === '-f' || key === '--find-links' || key === '--trusted-host') {
        const kind = key === '--extra-index-url' || key === '--extra-index' || key === '--index' ? 'extra-index-url' : key === '-f' || key === '--find-links' ? 'find-links' : key === '--trusted-host' ? 'trusted-host' : 'index-url';
        file.indexes.push({ kind, url: value, line, path });
        const cuda = kind === 'trusted-host' ? undefined : cudaFromIndexUrl(value);
        if (cuda) file.cuda.push({ cuda, source: 'index-url', line, path, text: clip(value) });
      } else if (key === '-e' || key === '--editable') {
        const parsed = toRequirement(value, { path, line }, { editable: true });
        if (parsed.ok) file.requirements.push(parsed.req);
      }
      continue;
    }
    if (word === '.' || word.startsWith('/') || word.startsWith('./')) continue;
    const line = lineOf(word);
    const parsed = toRequirement(word, { path, line }, { hashes });
    hashes = [];
    if (!parsed.ok) {
      file.problems.push({ kind: parsed.kind, line, text: clip(word), detail: parsed.detail });
      continue;
    }
    file.requirements.push(parsed.req);
    const cuda = parsed.req.pinned ? cudaFromLocalVersion(parsed.req.key, parsed.req.pinned) : undefined;
    if (cuda) file.cuda.push({ cuda, source: 'local-version', line, path, text: parsed.req.raw });
  }
}
