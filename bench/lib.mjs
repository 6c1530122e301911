// Shared helpers for the benchmark scripts: argument parsing, a deterministic PRNG,
// the parameter marker that lets generators skip work, and a recursive file listing.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const OUT_DIR = join(BENCH_DIR, 'out');

/** True when `metaUrl` is the script node was started with (so modules can be imported too). */
export function isMain(metaUrl) {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === metaUrl;
}

/** `--name value` / `--flag` parser; `spec` maps names to defaults (their type decides the parse). */
export function parseArgs(argv, spec) {
  const out = { ...spec };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const key = arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(key in spec)) throw new Error(`unknown option ${arg}; known: ${Object.keys(spec).join(', ')}`);
    if (typeof spec[key] === 'boolean') { out[key] = true; continue; }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    out[key] = typeof spec[key] === 'number' ? Number(value) : value;
    if (typeof spec[key] === 'number' && !Number.isFinite(out[key])) throw new Error(`${arg}: not a number: ${value}`);
  }
  return out;
}

/** mulberry32: tiny, fast, deterministic 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A block of `size` pseudo-random bytes, identical for a given seed. */
export function randomBlock(size, seed) {
  const rand = prng(seed);
  const block = Buffer.allocUnsafe(size);
  for (let i = 0; i + 4 <= size; i += 4) block.writeUInt32LE((rand() * 4294967296) >>> 0, i);
  for (let i = size - (size % 4); i < size; i++) block[i] = (rand() * 256) | 0;
  return block;
}

// The marker lives next to the directory (DIR.params.json), not inside it, so it is not scanned.
const markerPath = (dir) => `${dir.replace(/\/+$/, '')}.params.json`;

/** True if `dir` was fully generated with exactly these parameters. */
export function upToDate(dir, params) {
  const marker = markerPath(dir);
  if (!existsSync(dir) || !existsSync(marker)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(marker, 'utf8'))) === JSON.stringify(params);
  } catch {
    return false;
  }
}

/** Removes a stale directory and its marker before regeneration. */
export function clean(dir) {
  rmSync(dir, { recursive: true, force: true });
  rmSync(markerPath(dir), { force: true });
}

/** Written last, so an interrupted generation is redone next time. */
export function writeMarker(dir, params) {
  writeFileSync(markerPath(dir), `${JSON.stringify(params, null, 2)}\n`);
}

/** Every regular file under `dir` (absolute paths, sorted) with its size. */
export function listFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) files.push({ path: p, size: statSync(p).size });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const fmtBytes = (n) =>
  n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
