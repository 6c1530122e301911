import { createRequire } from 'node:module';
import { MemoryDirectory, MemoryFile, scanDirectoryWith, type TestRun } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

const require = createRequire(import.meta.url);
const full = require('spdx-license-list/full') as Record<string, { licenseText: string }>;

/** The SPDX licence text of an id, as a project would copy it into its LICENSE file. */
export function spdxText(id: string, holder = 'Acme Research Ltd.'): string {
  const text = full[id]?.licenseText;
  if (!text) throw new Error(`no SPDX text for ${id}`);
  return text.replace(/<year>/g, '2024').replace(/<copyright holders>/g, holder).replace(/\[yyyy\]/g, '2024').replace(/\[name of copyright owner\]/g, holder);
}

/** Re-wraps text at `width` columns, as editors and copy-paste do. */
export function reflow(text: string, width = 72): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** A Markdown card with YAML front matter. */
export function card(frontMatter: string, body = '# Model card\n\nSee below for intended uses and limitations.\n'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}

/** An in-memory scan tree: strings are text files, bytes binary files. */
export function tree(files: Record<string, string | Uint8Array | MemoryFile>): MemoryDirectory {
  return new MemoryDirectory(
    '',
    Object.fromEntries(
      Object.entries(files).map(([path, content]) => [
        path,
        content instanceof MemoryFile ? content : typeof content === 'string' ? new MemoryFile(path, new TextEncoder().encode(content), { format: 'text' }) : new MemoryFile(path, content),
      ]),
    ),
  );
}

/** Runs the plugin's root scanner over a tree. */
export function scan(files: Record<string, string | Uint8Array | MemoryFile> | MemoryDirectory, options: Record<string, unknown> = {}): Promise<TestRun> {
  return scanDirectoryWith(plugin, files instanceof MemoryDirectory ? files : tree(files), { options });
}

/** `rule/messageId` of every finding, sorted. */
export function ids(run: TestRun): string[] {
  return run.findings.map((f) => `${f.rule}/${f.messageId}`).sort();
}

/** The inventory entry of the unit at `path`. */
export function entry(run: TestRun, path: string): Record<string, any> {
  const found = run.inventory.find((e) => e.path === path);
  if (!found) throw new Error(`no inventory entry for ${path}: ${JSON.stringify(run.inventory.map((e) => e.path))}`);
  return found as Record<string, any>;
}

const enc = new TextEncoder();
const u32 = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
const u64 = (n: number | bigint) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(n), true); return b; };
const gstr = (s: string) => { const bytes = enc.encode(s); return [u64(bytes.length), bytes]; };

/** A GGUF v3 header: string metadata values, plus an optional big string array before them. */
export function gguf(metadata: Record<string, string>, options: { vocabulary?: number; version?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [enc.encode('GGUF'), u32(options.version ?? 3), u64(0)];
  const entries = Object.entries(metadata);
  parts.push(u64(entries.length + 1 + (options.vocabulary ? 1 : 0)));
  parts.push(...gstr('general.architecture'), u32(8), ...gstr('llama'));
  if (options.vocabulary) {
    parts.push(...gstr('tokenizer.ggml.tokens'), u32(9), u32(8), u64(options.vocabulary));
    for (let i = 0; i < options.vocabulary; i++) parts.push(...gstr(`tok${i}`));
  }
  for (const [key, value] of entries) parts.push(...gstr(key), u32(8), ...gstr(value));
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A small valid safetensors file with the given `__metadata__`. */
export function safetensors(metadata: Record<string, string>): Uint8Array {
  const header = enc.encode(JSON.stringify({ __metadata__: metadata, w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }));
  const out = new Uint8Array(8 + header.length + 8);
  out.set(u64(header.length), 0);
  out.set(header, 8);
  return out;
}
