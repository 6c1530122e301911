#!/usr/bin/env node
// modelgate benchmark. `pnpm build && pnpm bench` (= node bench/run.mjs).
//
//   node bench/run.mjs [--size-gb 4] [--small-files 3000] [--small-count 20000] [--runs 5]
//                      [--cli apps/cli/dist/bin.js] [--extra "--concurrency 2"] [--skip-small]
//                      [--model-out bench/out/model] [--results results]
//
// Measures, in one run, with the data in the page cache (one warm-up read first; cold-disk
// numbers are NOT measured):
//   a  modelgate scan MODEL --format json --output F --no-progress           (hashing)
//   b  openssl dgst -sha256 over the same files, one process per core          (baseline)
//   c  modelgate scan MODEL ... --no-hash                                      (bytes read)
//   d  modelgate scan SMALL ... --no-hash  over 20,000 small files             (files/s)
//   e  modelgate scan of a one-file directory                                  (fixed start-up cost)
// Each is run --runs times (interleaved a,b,c,d,e, a,b,c,d,e, ...) and the median is reported.
// Peak RSS and bytes read come from /proc/PID/{status,io}, polled every 20 ms, plus the values the
// process reads from itself at exit (bench/exit-stats.mjs). Results: bench/out/<results>.json and
// bench/out/<results>.md; the Markdown section is also printed. A second size can live beside the
// default one: `--size-gb 12 --model-out bench/out/model-12gb --results results-12gb`.
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateModel } from './generate.mjs';
import { generateSmall } from './generate-small.mjs';
import { BENCH_DIR, OUT_DIR, fmtBytes, listFiles, parseArgs } from './lib.mjs';

const ROOT = resolve(BENCH_DIR, '..');
const args = parseArgs(process.argv.slice(2), {
  sizeGb: 4, smallFiles: 3000, smallCount: 20000, runs: 5,
  cli: join(ROOT, 'apps/cli/dist/bin.js'), extra: '', skipSmall: false,
  modelOut: join(OUT_DIR, 'model'), results: 'results',
});
const CLI = resolve(args.cli);
const EXTRA = args.extra.split(/\s+/).filter(Boolean);
const NPROC = os.availableParallelism();
const PRELOAD = pathToFileURL(join(BENCH_DIR, 'exit-stats.mjs')).href;
const TMP = join(os.tmpdir(), `modelgate-bench-${process.pid}`);
const TARGETS = { hashVsOpenssl: 1.15, noHashVsHash: 0.1, noHashReadPct: 1, peakRssMB: 400, smallFilesPerSec: 2000 };

const log = (...a) => console.error(...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = (text, key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text ?? '')?.[1] ?? 0);

// ---------------------------------------------------------------------------------------------
// Measuring one process

/** Reads VmHWM/VmRSS (bytes) and rchar/read_bytes from /proc/PID and keeps the maxima in `s`. */
function absorb(s, status, io) {
  s.hwm = Math.max(s.hwm, kb(status, 'VmHWM') * 1024, kb(status, 'VmRSS') * 1024);
  s.rchar = Math.max(s.rchar, kb(io, 'rchar'));
  s.readBytes = Math.max(s.readBytes, kb(io, 'read_bytes'));
}
function sample(pid, s) {
  let status, io;
  try { status = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { /* exited */ }
  try { io = readFileSync(`/proc/${pid}/io`, 'utf8'); } catch { /* exited */ }
  absorb(s, status, io);
}

/** Spawns `cmd args`, polls /proc every 20 ms; resolves with wall ms, exit code and the maxima. */
function measure(cmd, argv, { statsFile } = {}) {
  return new Promise((resolvePromise, reject) => {
    const s = { hwm: 0, rchar: 0, readBytes: 0, cpuMs: undefined };
    const env = { ...process.env, ...(statsFile && { MODELGATE_BENCH_STATS: statsFile }) };
    if (statsFile) rmSync(statsFile, { force: true });
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { if (stdout.length < 64 << 20) stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { if (stderr.length < 1 << 20) stderr += d; });
    const timer = setInterval(() => sample(child.pid, s), 20);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(timer);
      if (statsFile && existsSync(statsFile)) {
        const own = JSON.parse(readFileSync(statsFile, 'utf8'));
        absorb(s, own.status, own.io);
        s.cpuMs = (own.cpu.user + own.cpu.system) / 1000;
      }
      resolvePromise({ wallMs, code, signal, stdout, stderr, peakRss: s.hwm, rchar: s.rchar, readBytes: s.readBytes, cpuMs: s.cpuMs });
    });
  });
}

/** One modelgate scan; exit codes 0/1/3 are scan outcomes, anything else aborts the benchmark. */
async function modelgate(target, output, extra) {
  const r = await measure(process.execPath,
    ['--import', PRELOAD, CLI, 'scan', target, '--format', 'json', '--output', output, '--no-progress', ...extra, ...EXTRA],
    { statsFile: join(TMP, 'exit-stats.json') });
  if (![0, 1, 3].includes(r.code)) {
    throw new Error(`modelgate exited with ${r.code ?? r.signal} on ${target}:\n${r.stderr.slice(-4000)}`);
  }
  return r;
}

/** Longest-processing-time split of `files` into `n` groups of about equal bytes. */
function balance(files, n) {
  const groups = Array.from({ length: n }, () => ({ bytes: 0, files: [] }));
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    const g = groups.reduce((min, x) => (x.bytes < min.bytes ? x : min));
    g.files.push(f.path);
    g.bytes += f.size;
  }
  return groups.filter((g) => g.files.length > 0);
}

/** Baseline: one `openssl dgst -sha256 -r f1 f2 ...` per core, all at once; wall time of the whole.
 *  A group with a very long file list runs as consecutive invocations (ARG_MAX). Each invocation
 *  runs under `sh -c '...; times'` so the children's CPU time is printed too (POSIX, no GNU time). */
async function opensslBaseline(files) {
  const t0 = process.hrtime.bigint();
  const outputs = await Promise.all(balance(files, NPROC).map(async (g) => {
    let out = '';
    for (let i = 0; i < g.files.length; i += 1000) {
      const r = await measure('sh', ['-c', 'openssl dgst -sha256 -r "$@" || exit 1; times', 'sh', ...g.files.slice(i, i + 1000)]);
      if (r.code !== 0) throw new Error(`openssl failed: ${r.stderr}`);
      out += r.stdout;
    }
    return out;
  }));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const digests = new Map();
  let cpuMs = 0;
  for (const out of outputs) {
    const times = [];
    for (const line of out.split('\n')) {
      const m = /^([0-9a-f]{64}) \*?(.+)$/.exec(line);
      if (m) digests.set(m[2], m[1]);
      const t = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(line.trim());
      if (t) times.push((+t[1] * 60 + +t[2] + +t[3] * 60 + +t[4]) * 1000);
    }
    // `times` prints the shell's own line, then its children's: keep every second line
    cpuMs += times.filter((_, k) => k % 2 === 1).reduce((a, b) => a + b, 0);
  }
  return { wallMs, digests, cpuMs };
}

/** Reads every file once (8 MiB reads) so all later runs hit the page cache. */
function warmUp(files) {
  const buf = Buffer.allocUnsafe(8 << 20);
  for (const f of files) {
    const fd = openSync(f.path, 'r');
    try { while (readSync(fd, buf, 0, buf.length, null) > 0); } finally { closeSync(fd); }
  }
}

/** Compares the report's sha256 values with openssl's; returns a short verdict. */
function verifyReport(reportPath, root, files, digests) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const entries = report.files ?? [];
  let hashed = 0, matched = 0;
  const mismatches = [];
  for (const e of entries) {
    if (!e.sha256) continue;
    hashed++;
    // report paths are relative to the scan root; accept a leading root name too
    const candidates = [join(root, e.path), join(root, '..', e.path), e.path];
    const want = candidates.map((p) => digests.get(p)).find(Boolean);
    if (want === e.sha256) matched++;
    else if (mismatches.length < 5) mismatches.push(`${e.path}: ${e.sha256} vs openssl ${want ?? '(no match)'}`);
  }
  return {
    filesOnDisk: files.length, filesInReport: entries.length, hashed, matched, mismatches,
    statuses: entries.reduce((acc, e) => ((acc[e.status] = (acc[e.status] ?? 0) + 1), acc), {}),
    // every shard should be sniffed as safetensors; anything else means its rules did not run
    shardFormats: entries.filter((e) => e.path.endsWith('.safetensors'))
      .reduce((acc, e) => ((acc[e.format] = (acc[e.format] ?? 0) + 1), acc), {}),
    findings: report.findings?.length ?? 0, errors: report.errors?.length ?? 0,
    firstErrors: (report.errors ?? []).slice(0, 3),
  };
}

/** Fraction of `files`' bytes resident in the page cache, if util-linux `fincore` exists. */
function cachedFraction(files) {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--raw', '--output', 'RES,SIZE', ...files.map((f) => f.path)],
      { encoding: 'utf8', maxBuffer: 64 << 20 });
    let res = 0, size = 0;
    for (const line of out.trim().split('\n')) { const [r, s] = line.split(/\s+/).map(Number); res += r; size += s; }
    return size ? res / size : undefined;
  } catch {
    return undefined;
  }
}

/** In-memory sha256 capacity (GB/s) of 1 and of NPROC openssl processes: the CPU ceiling right now.
 *  On shared VMs the N-process figure can swing between ~1x and ~Nx the 1-process one. */
function cpuProbe() {
  const speed = (extra) => {
    try {
      const out = execFileSync('openssl', ['speed', '-evp', 'sha256', '-bytes', String(1 << 20), '-seconds', '1', ...extra],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const m = /^sha256\s+([\d.]+)k\s*$/m.exec(out);
      return m ? +(Number(m[1]) / 1e6).toFixed(2) : undefined;
    } catch {
      return undefined;
    }
  };
  return { oneProcessGBps: speed([]), allCoresGBps: speed(['-multi', String(NPROC)]) };
}

function machineInfo() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const flags = /^flags\s*:\s*(.*)$/m.exec(cpuinfo)?.[1].split(' ') ?? [];
  let cgroupCpu;
  try { cgroupCpu = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim(); } catch { /* no cgroup v2 */ }
  let opensslVersion = 'not found';
  try { opensslVersion = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim(); } catch { /* missing */ }
  return {
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    cores: NPROC, logicalCpus: os.cpus().length, cgroupCpuMax: cgroupCpu,
    shaNi: flags.includes('sha_ni'), avx2: flags.includes('avx2'),
    ramGB: +(os.totalmem() / 2 ** 30).toFixed(1), kernel: os.release(),
    node: process.version, nodeOpenssl: process.versions.openssl, openssl: opensslVersion,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run \`pnpm build\` first`);
  mkdirSync(TMP, { recursive: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const machine = machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GiB RAM, node ${machine.node}, ${machine.openssl}`);

  const modelDir = generateModel({ out: resolve(args.modelOut), sizeGb: args.sizeGb, smallFiles: args.smallFiles });
  const smallDir = args.skipSmall ? undefined : generateSmall({ count: args.smallCount });
  const tinyDir = join(TMP, 'tiny');
  mkdirSync(tinyDir, { recursive: true });
  writeFileSync(join(tinyDir, 'config.json'), '{"model_type":"llama"}\n');

  const modelFiles = listFiles(modelDir);
  const smallFiles = smallDir ? listFiles(smallDir) : [];
  const totalBytes = modelFiles.reduce((s, f) => s + f.size, 0);
  const smallBytes = smallFiles.reduce((s, f) => s + f.size, 0);
  log(`model: ${modelDir}: ${modelFiles.length} files, ${fmtBytes(totalBytes)}`);
  if (smallDir) log(`small: ${smallDir}: ${smallFiles.length} files, ${fmtBytes(smallBytes)}`);
  if (totalBytes + smallBytes > os.totalmem() * 0.6) log('WARNING: the data may not fit in the page cache; results will include disk reads');

  const tw = performance.now();
  warmUp([...modelFiles, ...smallFiles]);
  const warmUpSec = (performance.now() - tw) / 1000;
  log(`warm-up: read ${fmtBytes(totalBytes + smallBytes)} once in ${warmUpSec.toFixed(1)} s; all runs below read from the page cache (cold-disk numbers are not measured)`);

  const cachedBefore = cachedFraction(modelFiles);
  if (cachedBefore !== undefined) log(`page cache: ${(cachedBefore * 100).toFixed(1)} % of the model directory resident (fincore)`);

  const probeBefore = cpuProbe();
  log(`cpu probe: in-memory sha256 ${probeBefore.oneProcessGBps} GB/s in 1 process, ${probeBefore.allCoresGBps} GB/s in ${NPROC}`);

  const runs = { hash: [], openssl: [], noHash: [], small: [], startup: [] };
  let verification;
  for (let i = 1; i <= args.runs; i++) {
    const a = await modelgate(modelDir, join(TMP, 'hash.json'), []);
    runs.hash.push(a);
    log(`run ${i}: a hashing scan     ${(a.wallMs / 1000).toFixed(2)} s  cpu ${(a.cpuMs / 1000).toFixed(2)} s  exit ${a.code}  peak RSS ${fmtBytes(a.peakRss)}`);
    const b = await opensslBaseline(modelFiles);
    runs.openssl.push({ wallMs: b.wallMs, cpuMs: b.cpuMs });
    log(`run ${i}: b openssl x${NPROC}       ${(b.wallMs / 1000).toFixed(2)} s  cpu ${(b.cpuMs / 1000).toFixed(2)} s`);
    if (i === 1) verification = verifyReport(join(TMP, 'hash.json'), modelDir, modelFiles, b.digests);
    const c = await modelgate(modelDir, join(TMP, 'nohash.json'), ['--no-hash']);
    runs.noHash.push(c);
    log(`run ${i}: c no-hash scan     ${(c.wallMs / 1000).toFixed(2)} s  cpu ${(c.cpuMs / 1000).toFixed(2)} s  rchar ${fmtBytes(c.rchar)}  peak RSS ${fmtBytes(c.peakRss)}`);
    if (smallDir) {
      const d = await modelgate(smallDir, join(TMP, 'small.json'), ['--no-hash']);
      runs.small.push(d);
      log(`run ${i}: d small no-hash    ${(d.wallMs / 1000).toFixed(2)} s  ${Math.round(smallFiles.length / (d.wallMs / 1000))} files/s  peak RSS ${fmtBytes(d.peakRss)}`);
    }
    const e = await modelgate(tinyDir, join(TMP, 'tiny.json'), ['--no-hash']);
    runs.startup.push(e);
    log(`run ${i}: e one-file scan    ${(e.wallMs / 1000).toFixed(2)} s  rchar ${fmtBytes(e.rchar)}`);
  }

  const cachedAfter = cachedFraction(modelFiles);
  const probeAfter = cpuProbe();
  log(`cpu probe: in-memory sha256 ${probeAfter.oneProcessGBps} GB/s in 1 process, ${probeAfter.allCoresGBps} GB/s in ${NPROC}`);
  const med = (xs, key = 'wallMs') => median(xs.map((r) => r[key]));
  const hashS = med(runs.hash) / 1000, opensslS = med(runs.openssl) / 1000, noHashS = med(runs.noHash) / 1000;
  const noHashRchar = med(runs.noHash, 'rchar'), startupRchar = med(runs.startup, 'rchar');
  const peakRss = Math.max(...runs.hash.map((r) => r.peakRss), ...runs.noHash.map((r) => r.peakRss));
  const smallS = smallDir ? med(runs.small) / 1000 : undefined;
  const smallPerSec = smallDir ? smallFiles.length / smallS : undefined;
  const smallPeak = smallDir ? Math.max(...runs.small.map((r) => r.peakRss)) : undefined;
  const startupS = med(runs.startup) / 1000;

  const ratios = {
    hashVsOpenssl: hashS / opensslS,
    noHashVsHash: noHashS / hashS,
    // the same ratios taken per iteration (a_i/b_i, c_i/a_i; neighbours in time), then the median:
    // less sensitive to slow phases of a shared machine than the ratio of medians
    hashVsOpensslPaired: median(runs.hash.map((r, i) => r.wallMs / runs.openssl[i].wallMs)),
    noHashVsHashPaired: median(runs.noHash.map((r, i) => r.wallMs / runs.hash[i].wallMs)),
    // CPU seconds (user+sys, all threads/processes): stable when the VM's parallel capacity is not
    hashVsOpensslCpu: med(runs.hash, 'cpuMs') / med(runs.openssl, 'cpuMs'),
    hashVsOpensslBest: Math.min(...runs.hash.map((r) => r.wallMs)) / Math.min(...runs.openssl.map((r) => r.wallMs)),
    noHashReadPct: (noHashRchar / totalBytes) * 100,
    noHashReadPctNet: (Math.max(0, noHashRchar - startupRchar) / totalBytes) * 100,
    peakRssMB: peakRss / 1e6,
    smallPeakRssMB: smallPeak === undefined ? undefined : smallPeak / 1e6, // reported, not a target
    smallFilesPerSec: smallPerSec,
  };
  const pass = {
    hashVsOpenssl: ratios.hashVsOpenssl <= TARGETS.hashVsOpenssl,
    noHashVsHash: ratios.noHashVsHash < TARGETS.noHashVsHash,
    noHashReadPct: ratios.noHashReadPct < TARGETS.noHashReadPct,
    peakRssMB: ratios.peakRssMB < TARGETS.peakRssMB,
    smallFilesPerSec: smallPerSec === undefined ? null : smallPerSec >= TARGETS.smallFilesPerSec,
  };

  const results = {
    date: new Date().toISOString(), machine, args: { ...args, cli: relative(ROOT, CLI) },
    data: {
      model: { dir: relative(ROOT, modelDir), files: modelFiles.length, bytes: totalBytes,
        shards: modelFiles.filter((f) => f.path.endsWith('.safetensors')).length },
      small: smallDir && { dir: relative(ROOT, smallDir), files: smallFiles.length, bytes: smallBytes },
    },
    method: { pageCache: `warm-up read of all data once (${warmUpSec.toFixed(1)} s) before the runs; cold disk not measured`,
      cachedFraction: { before: cachedBefore, after: cachedAfter }, cpuProbe: { before: probeBefore, after: probeAfter }, runs: args.runs, statistic: 'median wall time', rss: 'max VmHWM over the hashing and no-hash runs',
      bytesRead: 'rchar of /proc/PID/io (includes page-cache reads and the CLI reading its own JS)' },
    medians: {
      hashScanS: hashS, opensslS, noHashScanS: noHashS, smallNoHashS: smallS, startupS,
      hashThroughputGBps: totalBytes / 1e9 / hashS, opensslThroughputGBps: totalBytes / 1e9 / opensslS,
      noHashRchar, noHashReadBytes: med(runs.noHash, 'readBytes'), startupRchar,
      hashScanRchar: med(runs.hash, 'rchar'),
      cpuS: Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length).map(([k, v]) => [k, med(v, 'cpuMs') / 1000])),
    },
    minima: Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length).map(([k, v]) => [k, Math.min(...v.map((r) => r.wallMs)) / 1000])),
    peakRss: { hash: runs.hash.map((r) => r.peakRss), noHash: runs.noHash.map((r) => r.peakRss), small: runs.small.map((r) => r.peakRss) },
    ratios, targets: TARGETS, pass, verification,
    raw: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((r) => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, code: r.code, peakRss: r.peakRss, rchar: r.rchar, readBytes: r.readBytes }))])),
  };
  writeFileSync(join(OUT_DIR, `${args.results}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  writeFileSync(join(OUT_DIR, `${args.results}.md`), md);
  console.log(md);
  rmSync(TMP, { recursive: true, force: true });
}

function markdown(r) {
  const m = r.medians, x = r.ratios, t = r.targets, p = r.pass;
  const ok = (b) => (b === null ? 'n/a' : b ? 'PASS' : '**MISS**');
  const s = (v) => `${v.toFixed(2)} s`;
  const v = r.verification;
  return `## Results (${r.date.slice(0, 10)})

Machine: ${r.machine.cpu}, ${r.machine.cores} cores${r.machine.cgroupCpuMax ? ` (cgroup cpu.max ${r.machine.cgroupCpuMax})` : ''}, ` +
`${r.machine.ramGB} GiB RAM, SHA-NI ${r.machine.shaNi ? 'yes' : 'no'}, Linux ${r.machine.kernel}, Node ${r.machine.node} ` +
`(OpenSSL ${r.machine.nodeOpenssl}), ${r.machine.openssl}.

Data: ${r.data.model.files} files, ${fmtBytes(r.data.model.bytes)} (${r.data.model.shards} safetensors shards + small files)` +
`${r.data.small ? `; small-file set ${r.data.small.files} files, ${fmtBytes(r.data.small.bytes)}` : ''}. ` +
`Page cache warm (one warm-up read before the runs); cold-disk numbers are not measured. Median of ${r.method.runs} interleaved runs; ratios are ratios of medians (paired = median of per-iteration ratios).
CPU probe (\`openssl speed -evp sha256\`, in memory): 1 process ${r.method.cpuProbe.before.oneProcessGBps} → ${r.method.cpuProbe.after.oneProcessGBps} GB/s, ` +
`${r.machine.cores} processes ${r.method.cpuProbe.before.allCoresGBps} → ${r.method.cpuProbe.after.allCoresGBps} GB/s (before → after the runs).

| measurement | median | min | CPU (median) | notes |
|---|---:|---:|---:|---|
| (a) \`modelgate scan\` with sha256 | ${s(m.hashScanS)} | ${s(r.minima.hash)} | ${s(m.cpuS.hash)} | ${m.hashThroughputGBps.toFixed(2)} GB/s |
| (b) \`openssl dgst -sha256\` × ${r.machine.cores} processes | ${s(m.opensslS)} | ${s(r.minima.openssl)} | ${s(m.cpuS.openssl)} | ${m.opensslThroughputGBps.toFixed(2)} GB/s |
| (c) \`modelgate scan --no-hash\` | ${s(m.noHashScanS)} | ${s(r.minima.noHash)} | ${s(m.cpuS.noHash)} | read ${fmtBytes(m.noHashRchar)} (rchar) |
| (d) \`--no-hash\`, ${r.data.small?.files ?? '-'} small files | ${m.smallNoHashS === undefined ? '-' : s(m.smallNoHashS)} | ${r.minima.small === undefined ? '-' : s(r.minima.small)} | ${m.cpuS.small === undefined ? '-' : s(m.cpuS.small)} | ${x.smallFilesPerSec === undefined ? '-' : `${Math.round(x.smallFilesPerSec)} files/s`} |
| (e) start-up: scan of a one-file directory | ${s(m.startupS)} | ${s(r.minima.startup)} | ${s(m.cpuS.startup)} | read ${fmtBytes(m.startupRchar)} (rchar) |

| ratio | value | target | |
|---|---:|---:|---|
| hashing scan / openssl baseline | ${x.hashVsOpenssl.toFixed(3)} (paired ${x.hashVsOpensslPaired.toFixed(3)}, best/best ${x.hashVsOpensslBest.toFixed(3)}, CPU time ${x.hashVsOpensslCpu.toFixed(3)}) | ≤ ${t.hashVsOpenssl} | ${ok(p.hashVsOpenssl)} |
| no-hash / hashing scan | ${x.noHashVsHash.toFixed(3)} (paired ${x.noHashVsHashPaired.toFixed(3)}) | < ${t.noHashVsHash} | ${ok(p.noHashVsHash)} |
| no-hash bytes read / total size | ${x.noHashReadPct.toFixed(3)} % (${x.noHashReadPctNet.toFixed(3)} % net of start-up) | < ${t.noHashReadPct} % | ${ok(p.noHashReadPct)} |
| peak RSS (max over a and c runs) | ${x.peakRssMB.toFixed(0)} MB | < ${t.peakRssMB} MB | ${ok(p.peakRssMB)} |
| small files / s | ${x.smallFilesPerSec === undefined ? '-' : Math.round(x.smallFilesPerSec)} | ≥ ${t.smallFilesPerSec} | ${ok(p.smallFilesPerSec)} |

Peak RSS of the small-file run (d): ${x.smallPeakRssMB === undefined ? '-' : `${x.smallPeakRssMB.toFixed(0)} MB`} (not part of the target).

Digest check: ${v.hashed} of ${v.filesInReport} report entries carry a sha256, ${v.matched} match openssl` +
`${v.mismatches.length ? ` (mismatches: ${v.mismatches.join('; ')})` : ''}; report statuses ${JSON.stringify(v.statuses)}, ` +
`${v.findings} findings, ${v.errors} errors; shards sniffed as ${JSON.stringify(v.shardFormats)}.` +
`${r.method.cachedFraction.after === undefined ? '' : ` Page-cache residency of the model directory (fincore): ` +
`${(r.method.cachedFraction.before * 100).toFixed(1)} % before, ${(r.method.cachedFraction.after * 100).toFixed(1)} % after the runs.`}
`;
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  rmSync(TMP, { recursive: true, force: true });
  process.exit(1);
});
