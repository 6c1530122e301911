import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { buildSafetensors, type TensorSpec } from '@modelgate/plugin-kit/testing';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const cliPath = join(repoRoot, 'apps/cli/dist/bin.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `prefix` wraps it (e.g. setpriv to drop root). */
export function modelgate(args: string[], options: { cwd?: string; prefix?: string[]; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, cliPath, ...args];
  const result: SpawnSyncReturns<string> = spawnSync(command!, rest, {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temporary directory (readable by everyone, for tests that drop root), removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modelgate-e2e-'));
  made.push(dir);
  return dir;
}

/** Writes files given as path → content under `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A complete, valid safetensors file. */
export function safetensors(tensors: Record<string, TensorSpec>, edit?: (header: Record<string, unknown>) => void): Uint8Array {
  const built = buildSafetensors(tensors, edit ? { edit } : {});
  const out = new Uint8Array(built.head.length + built.dataLength);
  out.set(built.head);
  return out;
}
