import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Plugin } from '@modelgate/plugin-api';
import { caseFiles, runCase, type PluginTestCase } from './case-runner.js';
import { compareFindings, type ExpectedFinding } from './expectations.js';
import { MemoryFile } from './memory-handles.js';

/** A case that must produce exactly `findings`. */
export interface InvalidCase extends PluginTestCase {
  findings: ExpectedFinding[];
}

/** A check of {@link PluginTester} failed; the message says which and why. */
export class PluginTestError extends Error {
  constructor(
    readonly check: 'declarations' | 'findings' | 'determinism' | 'truncation' | 'abort' | 'read-budget' | 'pool',
    message: string,
  ) {
    super(`[${check}] ${message}`);
    this.name = 'PluginTestError';
  }
}

type Register = (name: string, fn: () => void | Promise<void>) => unknown;

export interface PluginTesterOptions {
  /** Most bytes scanners may read from a file of `size` bytes (default: 2 × size + 64 KiB). */
  readBudget?: (size: number) => number;
  /** How long a scan may take to settle once its signal aborts (default 1,000 ms). */
  abortWithinMs?: number;
  /** How long any one run may take before it counts as a hang (default 10,000 ms). */
  runTimeoutMs?: number;
  /** Also run every case through the real engine and worker pool (needs `@modelgate/core`): the plugin's built module. */
  pool?: { module: string };
  /** Test registration (default: the global `describe` and `it`, as vitest with globals, jest or mocha provide). */
  describe?: Register;
  it?: Register;
}

function within<T>(promise: Promise<T>, ms: number, what: () => PluginTestError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(what()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function caseName(testCase: PluginTestCase, index: number): string {
  return testCase.name ?? testCase.file?.path ?? `case ${index + 1}`;
}

/**
 * Tests a plugin the way ESLint's RuleTester tests rules: `valid` cases must produce no finding,
 * `invalid` cases exactly the expected ones. Every case also checks that reports are declared and
 * filled, that two runs agree, that scanners stop promptly when aborted and stay within their
 * read budget; every invalid case is also cut short at several points and must not crash or hang.
 *
 * ```ts
 * new PluginTester(plugin, { describe, it }).run('my-plugin', {
 *   valid: [{ file: { path: 'config.json', content: '{}' } }],
 *   invalid: [{ file: { path: '.env', content: 'HF_TOKEN=hf_…' }, findings: [{ rule: 'hf-token' }] }],
 * });
 * ```
 */
export class PluginTester {
  constructor(
    private readonly plugin: Plugin,
    private readonly options: PluginTesterOptions = {},
  ) {}

  /** Registers one test per case with the test framework. */
  run(name: string, cases: { valid?: PluginTestCase[]; invalid?: InvalidCase[] }): void {
    const globals = globalThis as { describe?: Register; it?: Register };
    const describe = this.options.describe ?? globals.describe;
    const it = this.options.it ?? globals.it;
    if (!describe || !it) throw new Error('PluginTester needs describe and it: pass them in the options or enable test globals');
    describe(name, () => {
      describe('valid', () => (cases.valid ?? []).forEach((c, i) => it(caseName(c, i), () => this.checkCase({ ...c, findings: [] }))));
      describe('invalid', () => (cases.invalid ?? []).forEach((c, i) => it(caseName(c, i), () => this.checkCase(c, true))));
    });
  }

  /** Runs every check on one case; throws {@link PluginTestError} on the first failure. */
  async checkCase(testCase: InvalidCase, truncate = false): Promise<void> {
    const first = await this.runOnce(testCase, 'declarations');
    const problems = compareFindings(testCase.findings, first.findings);
    if (problems.length) throw new PluginTestError('findings', problems.join('\n'));
    const second = await this.runOnce(testCase, 'determinism');
    const snapshot = (r: typeof first) => JSON.stringify({ findings: r.findings, inventory: r.inventory, errors: r.errors });
    if (snapshot(first) !== snapshot(second)) throw new PluginTestError('determinism', 'two runs of the same case reported different results');
    this.checkReadBudget(testCase, first.bytesRead);
    await this.checkAbort(testCase);
    if (truncate) await this.checkTruncated(testCase);
    if (this.options.pool) await this.checkPool(testCase, first.findings.map((f) => `${f.ruleId}/${f.messageId}`).sort());
  }

  private async runOnce(testCase: PluginTestCase, check: 'declarations' | 'determinism', files = caseFiles(testCase), signal?: AbortSignal) {
    try {
      return await within(runCase(this.plugin, files, { ...(testCase.options && { options: testCase.options }), ...(signal && { signal }) }), this.options.runTimeoutMs ?? 10_000, () =>
        new PluginTestError(check, `the scan did not finish within ${this.options.runTimeoutMs ?? 10_000} ms`),
      );
    } catch (error) {
      if (error instanceof PluginTestError) throw error;
      throw new PluginTestError(check, `the scan threw: ${(error as Error).message}`);
    }
  }

  private checkReadBudget(testCase: PluginTestCase, bytesRead: Map<string, number>): void {
    const budget = this.options.readBudget ?? ((size: number) => 2 * size + 64 * 1024);
    for (const file of caseFiles(testCase)) {
      const read = bytesRead.get(file.path) ?? 0;
      if (read > budget(file.size)) throw new PluginTestError('read-budget', `${file.path}: read ${read} bytes of a ${file.size}-byte file (budget ${budget(file.size)})`);
    }
  }

  /** Aborts at the first read: the scan must settle (resolve or reject) promptly. */
  private async checkAbort(testCase: PluginTestCase): Promise<void> {
    const controller = new AbortController();
    const files = caseFiles(testCase);
    for (const file of files) file.onRead = () => controller.abort();
    const limit = this.options.abortWithinMs ?? 1000;
    const settled = runCase(this.plugin, files, { ...(testCase.options && { options: testCase.options }), signal: controller.signal }).catch(() => undefined);
    await within(settled, limit + (this.options.runTimeoutMs ?? 10_000), () => new PluginTestError('abort', `the scan did not stop after its signal aborted`));
  }

  /** Cuts each file of the case at several points; every run must finish without throwing. */
  private async checkTruncated(testCase: PluginTestCase): Promise<void> {
    const originals = caseFiles(testCase);
    for (const [index, original] of originals.entries()) {
      const bytes = await original.peek(0, original.size);
      const cuts = [...new Set([0, 1, 8, Math.floor(bytes.length / 2), bytes.length - 1])].filter((n) => n >= 0 && n < bytes.length);
      for (const cut of cuts) {
        const files: MemoryFile[] = caseFiles(testCase);
        files[index] = new MemoryFile(original.path, bytes.subarray(0, cut), { format: original.format });
        try {
          await this.runOnce(testCase, 'declarations', files);
        } catch (error) {
          throw new PluginTestError('truncation', `${original.path} cut to ${cut} bytes: ${(error as Error).message}`);
        }
      }
    }
  }

  /** Writes the case to a temporary directory and scans it with the real engine and worker pool. */
  private async checkPool(testCase: PluginTestCase, expected: string[]): Promise<void> {
    const { createEngine } = await import('@modelgate/core');
    const root = await mkdtemp(join(tmpdir(), 'plugin-tester-'));
    try {
      for (const file of caseFiles(testCase)) {
        await mkdir(dirname(join(root, file.path)), { recursive: true });
        await writeFile(join(root, file.path), await file.peek(0, file.size));
      }
      const engine = await createEngine({ plugins: [this.options.pool!.module], concurrency: 1, hash: true, ...(testCase.options && { pluginOptions: { [this.plugin.meta.namespace]: testCase.options } }) });
      try {
        const report = await engine.scan([root]).report;
        const actual = report.findings.filter((f) => f.ruleId.startsWith(`${this.plugin.meta.namespace}/`)).map((f) => `${f.ruleId}/${f.messageId}`).sort();
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new PluginTestError('pool', `through the worker pool: ${JSON.stringify(actual)}, in memory: ${JSON.stringify(expected)}`);
        }
        const crashes = report.errors.filter((e) => e.code.startsWith('PLUGIN') || e.code === 'HARD_TIMEOUT' || e.code === 'WORKER_CRASH');
        if (crashes.length) throw new PluginTestError('pool', `through the worker pool: ${crashes.map((e) => `${e.code} ${e.message}`).join('; ')}`);
      } finally {
        await engine.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
}
