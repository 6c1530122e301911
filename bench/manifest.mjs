#!/usr/bin/env node
// Manifest benchmark: `modelgate manifest create` + `verify` on the benchmark model directory,
// against the hashing limits. `pnpm build` first.
//
//   node bench/manifest.mjs [--dir bench/out/model] [--runs 3] [--cli apps/cli/dist/bin.js]
//                           [--flip-in-place]
//
// With the data in the page cache (a warm-up read first), each run times, interleaved:
//   verify   modelgate manifest verify DIR --manifest M (hashing through the engine, all cores)
//   sha256sum  sha256sum --quiet -c SUMS              (one core: the usual way to check)
//   openssl  openssl dgst -sha256, one process per core over size-balanced file groups
//            (the hashing limit of this machine)
// and reports medians. `create` is timed once per run too. Then it checks that verify catches a
// single flipped byte: by default one hex digit of the largest file's digest is flipped in a copy
// of the manifest (the shared data is not touched); --flip-in-place flips one byte of that file
// instead and restores it afterwards. The manifest and SUMS live in a temp directory, so the
// benchmark directory is never modified (except transiently with --flip-in-place).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { generateModel } from './generate.mjs';
import { BENCH_DIR, OUT_DIR, fmtBytes, isMain, listFiles, parseArgs } from './lib.mjs';

const ROOT = resolve(BENCH_DIR, '..');
const log = (...a) => console.error(...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Runs a command; resolves with its exit code and wall time in seconds. */
function timed(cmd, argv, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, stderr }));
  });
}

/** Splits files into `n` groups of about equal bytes (largest first, into the lightest group). */
function balance(files, n) {
  const groups = Array.from({ length: n }, () => ({ bytes: 0, paths: [] }));
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    const g = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    g.paths.push(f.path);
    g.bytes += f.size;
  }
  return groups.filter((g) => g.paths.length);
}

/** openssl dgst -sha256 on every core; all processes must succeed. */
async function opensslParallel(dir, groups) {
  const started = process.hrtime.bigint();
  const results = await Promise.all(groups.map((g) => timed('openssl', ['dgst', '-sha256', ...g.paths], { cwd: dir })));
  if (results.some((r) => r.code !== 0)) throw new Error(`openssl failed: ${results.map((r) => r.stderr).join('')}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The manifest's entries as `sha256sum -c` input. */
function sumsFromManifest(text) {
  const lines = [];
  const re = /^ {2}- path: ("(?:[^"\\]|\\.)*")\n {4}size: \d+\n {4}sha256: "([0-9a-f]{64})"$/gm;
  for (const m of text.matchAll(re)) {
    const path = JSON.parse(m[1]);
    if (/[\\\n]/.test(path)) throw new Error(`name needs sha256sum escaping: ${path}`);
    lines.push(`${m[2]}  ${path}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { dir: join(OUT_DIR, 'model'), runs: 3, cli: join(ROOT, 'apps/cli/dist/bin.js'), flipInPlace: false });
  const dir = resolve(args.dir);
  const cli = resolve(args.cli);
  if (!existsSync(cli)) throw new Error(`${cli} missing: run pnpm build first`);
  if (!existsSync(dir) && dir === join(OUT_DIR, 'model')) await generateModel({ out: dir, sizeGb: 4, smallFiles: 3000 });
  const files = listFiles(dir).map((f) => ({ path: relative(dir, f.path), size: f.size }));
  const total = files.reduce((s, f) => s + f.size, 0);
  const cores = os.availableParallelism();
  const tmp = join(os.tmpdir(), `modelgate-bench-manifest-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const manifest = join(tmp, 'manifest.yaml');
  const sums = join(tmp, 'SHA256SUMS');
  const groups = balance(files, cores);
  log(`${dir}: ${files.length} files, ${fmtBytes(total)}; ${cores} cores`);

  try {
    log('warm-up: reading every file once (page cache)');
    await timed('sha256sum', files.map((f) => f.path), { cwd: dir });

    const times = { create: [], verify: [], sha256sum: [], openssl: [] };
    for (let run = 1; run <= args.runs; run++) {
      const created = await timed(process.execPath, [cli, 'manifest', 'create', dir, '--output', manifest, '-q', '--no-progress'], { cwd: tmp });
      if (created.code !== 0) throw new Error(`create exited ${created.code}: ${created.stderr}`);
      times.create.push(created.seconds);
      if (run === 1) writeFileSync(sums, sumsFromManifest(readFileSync(manifest, 'utf8')));
      const verified = await timed(process.execPath, [cli, 'manifest', 'verify', dir, '--manifest', manifest, '-q', '--no-progress', '--format', 'json', '--output', join(tmp, 'report.json')], { cwd: tmp });
      if (verified.code !== 0) throw new Error(`verify exited ${verified.code}: ${verified.stderr}`);
      times.verify.push(verified.seconds);
      const checked = await timed('sha256sum', ['--quiet', '-c', sums], { cwd: dir });
      if (checked.code !== 0) throw new Error(`sha256sum -c exited ${checked.code}: ${checked.stderr}`);
      times.sha256sum.push(checked.seconds);
      times.openssl.push(await opensslParallel(dir, groups));
      log(`run ${run}: create ${created.seconds.toFixed(2)}s, verify ${verified.seconds.toFixed(2)}s, sha256sum -c ${checked.seconds.toFixed(2)}s, openssl x${groups.length} ${times.openssl.at(-1).toFixed(2)}s`);
    }

    const largest = files.reduce((a, b) => (b.size > a.size ? b : a));
    const caught = await flipAndVerify({ cli, dir, tmp, manifest, largest, inPlace: args.flipInPlace });
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const gbps = (s) => (total / 1e9 / s).toFixed(2);
    const md = [
      `Directory: \`${dir.startsWith(ROOT) ? dir.slice(ROOT.length + 1) : dir}\`, ${files.length} files, ${fmtBytes(total)}; ${cores} cores; page cache warm; median of ${args.runs} runs.`,
      '',
      '| what | time (s) | GB/s | vs openssl (all cores) |',
      '|---|---:|---:|---:|',
      `| \`modelgate manifest verify\` | ${m.verify.toFixed(2)} | ${gbps(m.verify)} | ${(m.verify / m.openssl).toFixed(2)}× |`,
      `| \`modelgate manifest create\` | ${m.create.toFixed(2)} | ${gbps(m.create)} | ${(m.create / m.openssl).toFixed(2)}× |`,
      `| \`sha256sum --quiet -c\` (one core) | ${m.sha256sum.toFixed(2)} | ${gbps(m.sha256sum)} | ${(m.sha256sum / m.openssl).toFixed(2)}× |`,
      `| \`openssl dgst -sha256\` × ${groups.length} processes (hashing limit) | ${m.openssl.toFixed(2)} | ${gbps(m.openssl)} | 1.00× |`,
      '',
      `Single flipped byte (${caught.how}): verify exited ${caught.code} with \`${caught.finding}\` on \`${largest.path}\`.`,
    ].join('\n');
    writeFileSync(join(OUT_DIR, 'manifest-results.md'), `${md}\n`);
    writeFileSync(join(OUT_DIR, 'manifest-results.json'), `${JSON.stringify({ dir, files: files.length, bytes: total, cores, runs: times, medians: m, flip: caught }, null, 2)}\n`);
    console.log(md);
    if (caught.code !== 1) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Flips one byte (of the file, or of its digest in a manifest copy) and checks verify fails on it. */
async function flipAndVerify({ cli, dir, tmp, manifest, largest, inPlace }) {
  let target = manifest;
  let restore = () => {};
  let how;
  if (inPlace) {
    const path = join(dir, largest.path);
    const at = Math.floor(largest.size / 2);
    const fd = openSync(path, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    const original = byte[0];
    byte[0] = original ^ 0x01;
    writeSync(fd, byte, 0, 1, at);
    restore = () => {
      byte[0] = original;
      writeSync(fd, byte, 0, 1, at);
      closeSync(fd);
    };
    how = `byte ${at} of the file flipped in place, then restored`;
  } else {
    const text = readFileSync(manifest, 'utf8');
    const needle = `  - path: ${JSON.stringify(largest.path)}\n`;
    const at = text.indexOf(needle);
    const digestAt = text.indexOf('sha256: "', at) + 'sha256: "'.length;
    const flipped = (parseInt(text[digestAt], 16) ^ 1).toString(16);
    target = join(tmp, 'flipped.yaml');
    writeFileSync(target, text.slice(0, digestAt) + flipped + text.slice(digestAt + 1));
    how = 'one bit of the declared sha256 flipped in a copy of the manifest';
  }
  try {
    const report = join(tmp, 'flipped.json');
    const run = await timed(process.execPath, [cli, 'manifest', 'verify', dir, '--manifest', target, '-q', '--no-progress', '--format', 'json', '--output', report]);
    const findings = JSON.parse(readFileSync(report, 'utf8')).findings.map((f) => `${f.ruleId}@${f.location.path}`);
    return { code: run.code, how, finding: findings.join(', ') };
  } finally {
    restore();
  }
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
