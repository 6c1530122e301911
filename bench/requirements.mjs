#!/usr/bin/env node
// Requirements matching benchmark: 1,000 requirements against the whole PyPA advisory database.
// Usage: pnpm build && node bench/requirements.mjs [--count 1000] [--runs 5] [--db PATH]
// Measures `db import` of the database, the first scan in a fresh process (loading the index once),
// and warm scans (matching only, the index already loaded in this worker). Prints a Markdown table.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, parseArgs } from './lib.mjs';

const root = resolve(BENCH_DIR, '..');
const args = parseArgs(process.argv.slice(2), { count: 1000, runs: 5, db: resolve(root, '../shared/data/pypa-advisory-database') });
const { default: plugin, importAdvisories, readIndexFile } = await import(join(root, 'plugins/requirements/dist/index.js'));
const { MemoryDirectory, MemoryFile, scanDirectoryWith } = await import(join(root, 'packages/plugin-kit/dist/testing/index.js'));

const cacheDir = mkdtempSync(join(tmpdir(), 'mg-bench-req-'));
let t = performance.now();
const { index, path } = await importAdvisories(args.db, cacheDir);
const importMs = performance.now() - t;

// Deterministic requirements: mostly packages the database knows, pinned to a version one of their
// advisories names (so matching does real work) or given a range; the rest unknown names.
const data = await readIndexFile(path);
const packages = Object.keys(data.packages);
const lines = [];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = 0; i < args.count; i++) {
  const r = rand();
  const name = packages[Math.floor(rand() * packages.length)];
  const versions = data.packages[name].flatMap((a) => a.versions);
  const version = versions.length ? versions[Math.floor(rand() * versions.length)] : '1.0.0';
  if (r < 0.6) lines.push(`${name}==${version}`);
  else if (r < 0.85) lines.push(`${name}>=${version}`);
  else lines.push(`internal-package-${i}==1.${i % 7}.0`);
}
const text = lines.join('\n');
const directory = () => new MemoryDirectory('', { 'requirements.txt': new MemoryFile('requirements.txt', new TextEncoder().encode(text), { format: 'text' }) });
const options = { options: { cacheDir } };

t = performance.now();
const cold = await scanDirectoryWith(plugin, directory(), options);
const coldMs = performance.now() - t;
const warm = [];
for (let i = 0; i < args.runs; i++) {
  t = performance.now();
  await scanDirectoryWith(plugin, directory(), options);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
const vulnerable = cold.findings.filter((f) => f.ruleId.startsWith('requirements/vulnerable-')).length;
const advisories = readdirSync(join(args.db, 'vulns')).length;
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`| step | time |
|---|---|
| \`db import\` of the database (${index.count} advisories, ${advisories} package directories, YAML) | ${ms(importMs)} |
| first scan in a fresh worker: load the index + match ${args.count} requirements | ${ms(coldMs)} |
| warm scan: match ${args.count} requirements (index loaded once per worker), median of ${args.runs} | ${ms(median)} |

${cold.findings.length} findings (${vulnerable} vulnerable-*), ${lines.length} requirements.`);
if (median > 1000) {
  console.error(`requirements matching took ${ms(median)}: over the 1 s target`);
  process.exitCode = 1;
}
