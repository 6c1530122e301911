import type {
  DirectoryHandle,
  DirectoryScanner,
  FileHandle,
  FileScanner,
  FindingReport,
  Plugin,
  ScanContext,
  Severity,
} from '@modelgate/plugin-api';

/** A finding as a test sees it: what the scanner reported plus the severity and message the engine would derive. */
export interface TestFinding extends FindingReport {
  /** `namespace/rule`. */
  ruleId: string;
  severity: Severity;
  message: string;
}

/** What one scanner run produced. */
export interface TestRun {
  findings: TestFinding[];
  inventory: Record<string, unknown>[];
  /** What the scanner passed to `ctx.fail`. */
  errors: { code: string; message: string }[];
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * A {@link ScanContext} that enforces what the engine enforces, but loudly: a report of an
 * undeclared rule or message, an unfilled placeholder or data that is not JSON throws at once.
 */
export function createTestContext(plugin: Plugin, options: { options?: Record<string, unknown>; signal?: AbortSignal } = {}): { ctx: ScanContext; run: TestRun } {
  const run: TestRun = { findings: [], inventory: [], errors: [] };
  const ctx: ScanContext = {
    options: options.options ?? {},
    signal: options.signal ?? new AbortController().signal,
    report(finding) {
      const meta = plugin.rules[finding.rule];
      if (!meta) throw new Error(`${plugin.meta.name} reported undeclared rule "${finding.rule}"`);
      const template = meta.messages[finding.messageId];
      if (template === undefined) throw new Error(`${plugin.meta.name} reported undeclared message "${finding.rule}/${finding.messageId}"`);
      const message = template.replace(PLACEHOLDER, (_, key: string) => {
        const value = finding.data?.[key];
        if (value === undefined) throw new Error(`${plugin.meta.name}: placeholder {{${key}}} of ${finding.rule}/${finding.messageId} is not filled`);
        return String(value);
      });
      JSON.stringify(finding);
      run.findings.push({ ...finding, ruleId: `${plugin.meta.namespace}/${finding.rule}`, severity: meta.defaultSeverity, message });
    },
    inventory(entry) {
      JSON.stringify(entry);
      run.inventory.push(entry);
    },
    fail(code, message) {
      run.errors.push({ code, message });
    },
  };
  return { ctx, run };
}

/** Runs every file scanner of `plugin` whose filter names `file.format` or has no format filter. */
export async function scanFileWith(plugin: Plugin, file: FileHandle, options: { options?: Record<string, unknown>; signal?: AbortSignal } = {}): Promise<TestRun> {
  const { ctx, run } = createTestContext(plugin, options);
  for (const scanner of plugin.scanners) {
    if (scanner.scope === 'directory') continue;
    const formats = (scanner as FileScanner).filter.formats;
    if (formats && !formats.includes(file.format) && !(scanner as FileScanner).filter.include && !(scanner as FileScanner).filter.magic) continue;
    await scanner.scan(file, ctx);
  }
  return run;
}

/** Runs every directory scanner of `plugin` on `directory`. */
export async function scanDirectoryWith(plugin: Plugin, directory: DirectoryHandle, options: { options?: Record<string, unknown>; signal?: AbortSignal } = {}): Promise<TestRun> {
  const { ctx, run } = createTestContext(plugin, options);
  for (const scanner of plugin.scanners) {
    if (scanner.scope === 'directory') await (scanner as DirectoryScanner).scan(directory, ctx);
  }
  return run;
}
