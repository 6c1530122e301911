import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryDirectory, MemoryFile, scanDirectoryWith, type TestRun } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (…/main). */
export const REPO_ROOT = resolve(here, '../../..');

/** The PyPA advisory database beside the repository (`../shared/data/…`); never copied into the repo. */
export const PYPA_DB = resolve(REPO_ROOT, '../shared/data/pypa-advisory-database');

/** An empty directory, for a cache dir that holds no index. */
export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'mg-req-empty-'));
}

/** A memory directory of text (or byte) files. */
export function dir(files: Record<string, string | Uint8Array>): MemoryDirectory {
  return new MemoryDirectory(
    '',
    Object.fromEntries(Object.entries(files).map(([path, content]) => [path, new MemoryFile(path, typeof content === 'string' ? new TextEncoder().encode(content) : content, { format: 'text' })])),
  );
}

/** Scans files with the plugin; without `advisories`, with an empty cache dir (no data). */
export function scan(files: Record<string, string | Uint8Array>, options: Record<string, unknown> = {}): Promise<TestRun> {
  return scanDirectoryWith(plugin, dir(files), { options: { cacheDir: emptyDir(), ...options } });
}

/** Scans with the PyPA database as advisory data. */
export function scanWithPypa(files: Record<string, string | Uint8Array>, options: Record<string, unknown> = {}): Promise<TestRun> {
  return scan(files, { advisories: PYPA_DB, ...options });
}

/** `ruleId@path:line` of every finding, sorted (handy in assertions). */
export function ids(run: TestRun): string[] {
  return run.findings.map((f) => `${f.ruleId.replace('requirements/', '')}@${f.path}:${f.location?.line ?? ''}`).sort();
}

/** The findings of one rule (without namespace). */
export function of(run: TestRun, rule: string) {
  return run.findings.filter((f) => f.ruleId === `requirements/${rule}`);
}
