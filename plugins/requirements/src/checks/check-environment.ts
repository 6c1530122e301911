import { checkTorchPair } from '../data/torch-compat.js';
import type { CudaHint, Requirement } from '../model.js';
import { cudaMismatch } from '../rules/cuda-mismatch.js';
import { hashModeBroken } from '../rules/hash-mode-broken.js';
import { missingHashes } from '../rules/missing-hashes.js';
import { torchMismatch } from '../rules/torch-mismatch.js';
import { unpinned } from '../rules/unpinned.js';
import type { CheckContext, Environment } from './context.js';

const STRONG_HASHES = new Set(['sha256', 'sha384', 'sha512']);
const SOURCE_LABEL: Record<CudaHint['source'], string> = { 'local-version': 'a torch local version', 'index-url': 'a PyTorch wheel index', 'base-image': 'the base image', conda: 'a conda CUDA package' };

/** Requirements pip installs in this environment (not constraints, not conda packages). */
function pipRequirements(env: Environment): Requirement[] {
  return env.files.flatMap((f) => (f.kind === 'requirements' || f.kind === 'conda' || f.kind === 'dockerfile' ? f.requirements : [])).filter((r) => !r.constraint && !r.conda && !r.locked);
}

/**
 * `unpinned`: an application file's dependency without `==` (a pin in an included constraints
 * file counts). Direct URLs are left to `vcs-unpinned` / `url-unhashed`.
 */
export function checkUnpinned(env: Environment, { report }: CheckContext): void {
  const constrained = new Set(env.files.flatMap((f) => f.requirements).filter((r) => r.constraint && r.pinned).map((r) => r.key));
  for (const file of env.files) {
    if (!file.application) continue;
    for (const req of file.requirements) {
      if (req.pinned || req.constraint || req.locked || req.url || req.local || req.dynamic || !req.key || constrained.has(req.key)) continue;
      const where = { path: req.path, location: { line: req.line }, evidence: { package: req.key, specifier: req.specifier } };
      if (req.specifier) report(unpinned, 'range', { ...where, data: { name: req.name, specifier: req.specifier } });
      else report(unpinned, 'unpinned', { ...where, data: { name: req.name } });
    }
  }
}

/**
 * `hash-mode-broken` and `missing-hashes`: pip enters hash-checking mode when any requirement has
 * a `--hash` (or `--require-hashes` is given); then every requirement needs a strong hash and a
 * `==` pin. Without any hash, an application file gets one `missing-hashes` finding.
 */
export function checkHashes(env: Environment, { report }: CheckContext): void {
  const reqs = pipRequirements(env);
  for (const req of reqs) {
    for (const hash of req.hashes) {
      const algorithm = hash.split(/[:=]/)[0]!.toLowerCase();
      if (!STRONG_HASHES.has(algorithm)) report(hashModeBroken, 'weakHash', { path: req.path, location: { line: req.line }, data: { name: req.name || req.raw, algorithm } });
    }
  }
  const hashed = reqs.filter((r) => r.hashes.length > 0);
  const requireHashes = env.files.some((f) => f.requireHashes !== undefined);
  if (hashed.length || requireHashes) {
    for (const req of reqs) {
      const where = { path: req.path, location: { line: req.line } };
      if (req.hashes.length === 0) report(hashModeBroken, 'partial', { ...where, data: { name: req.name || req.raw, hashed: hashed.length } });
      else if (!req.pinned && !req.url) report(hashModeBroken, 'unpinnedInHashMode', { ...where, data: { name: req.name, specifier: req.specifier || ' (no version)' } });
    }
    return;
  }
  if (env.root.kind !== 'requirements' || !env.root.application) return;
  const first = reqs.find((r) => r.path === env.root.path) ?? reqs[0];
  if (first) report(missingHashes, 'noHashes', { path: env.root.path, location: { line: first.line }, data: { count: reqs.length } });
}

/** `torch-mismatch`: pinned torch / torchvision / torchaudio that the official tables do not pair. */
export function checkTorch(env: Environment, { report }: CheckContext): void {
  const pinned = new Map<string, Requirement>();
  for (const req of env.files.flatMap((f) => f.requirements)) {
    if (req.pinned && ['torch', 'torchvision', 'torchaudio'].includes(req.key) && !pinned.has(req.key)) pinned.set(req.key, req);
  }
  const torch = pinned.get('torch');
  if (!torch?.pinned) return;
  for (const companion of ['torchvision', 'torchaudio'] as const) {
    const req = pinned.get(companion);
    if (!req?.pinned) continue;
    const result = checkTorchPair(torch.pinned, companion, req.pinned);
    if (!result || result.ok) continue;
    report(torchMismatch, 'mismatch', {
      path: req.path,
      location: { line: req.line },
      data: { companion, version: req.pinned, torch: torch.pinned, expected: result.expected ?? `(none for torch ${torch.pinned})` },
      evidence: { torch: torch.pinned, torchPath: torch.path, torchLine: torch.line, [companion]: req.pinned, pairsWithTorch: result.pairedTorch ?? null },
    });
  }
}

/** `cuda-mismatch`: CUDA versions from local versions, wheel indexes and base images that disagree. */
export function checkCuda(env: Environment, { report }: CheckContext): void {
  const hints = env.files.flatMap((f) => f.cuda);
  const first = hints[0];
  if (!first) return;
  for (const hint of hints) {
    if (hint.cuda === first.cuda) continue;
    report(cudaMismatch, 'mismatch', {
      path: hint.path,
      location: { line: hint.line },
      data: { cuda: hint.cuda, source: SOURCE_LABEL[hint.source], text: hint.text, otherCuda: first.cuda, otherSource: SOURCE_LABEL[first.source], otherText: first.text, otherPath: `${first.path}:${first.line}` },
      evidence: { hints: hints.map((h) => ({ cuda: h.cuda, source: h.source, path: h.path, line: h.line })) },
    });
  }
}
