#!/usr/bin/env node
// Generates a directory of many small files (1-8 KiB each; text, JSON and binary mixed, in
// subdirectories of 500) for the files-per-second measurement. Deterministic; skipped when the
// directory already exists with the same parameters.
//
//   node bench/generate-small.mjs [--out DIR] [--count 20000] [--force]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { binary, jsonDoc, text } from './generate.mjs';
import { OUT_DIR, clean, isMain, parseArgs, prng, randomBlock, upToDate, writeMarker } from './lib.mjs';

const VERSION = 2;

export function generateSmall({ out = join(OUT_DIR, 'small'), count = 20000, force = false } = {}) {
  out = resolve(out);
  const params = { kind: 'small', version: VERSION, count };
  if (!force && upToDate(out, params)) {
    console.error(`generate-small: ${out} is up to date (${JSON.stringify(params)})`);
    return out;
  }
  const t0 = performance.now();
  clean(out);
  const block = randomBlock(1 << 20, 0x5a11);
  const rand = prng(7);
  for (let i = 0; i < count; i++) {
    const sub = join(out, `d${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const size = 1024 + Math.floor(rand() * 7 * 1024); // 1..8 KiB
    const kind = i % 3;
    const name = `f${String(i).padStart(5, '0')}.${['txt', 'json', 'dat'][kind]}`;
    const body = kind === 0 ? text(rand, size) : kind === 1 ? jsonDoc(rand, size, i) : binary(block, rand, size, i);
    writeFileSync(join(sub, name), body);
  }
  writeMarker(out, params);
  console.error(`generate-small: ${out}: ${count} files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

if (isMain(import.meta.url)) {
  generateSmall(parseArgs(process.argv.slice(2), { out: join(OUT_DIR, 'small'), count: 20000, force: false }));
}
