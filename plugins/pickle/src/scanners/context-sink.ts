import type { FileHandle, ScanContext } from '@modelgate/plugin-api';
import type { AnalysisSink } from '../analysis/sink.js';
import type { GlobalRecord } from '../machine/globals.js';

/** Most findings of one rule and message per file; the first ones already fail it. */
export const MAX_FINDINGS_PER_MESSAGE = 100;

/** An {@link AnalysisSink} over a scan context, plus the per-file inventory it flushes at the end. */
export function contextSink(file: FileHandle, ctx: ScanContext): AnalysisSink & { flush(): void } {
  const counts = new Map<string, number>();
  const imports = new Map<string, { module: string; name: string; path: string; verdict: string; count: number; calls: number }>();
  const failures = new Set<string>();
  return {
    finding(f) {
      const key = `${f.rule.name}/${f.messageId}`;
      const count = counts.get(key) ?? 0;
      counts.set(key, count + 1);
      if (count >= MAX_FINDINGS_PER_MESSAGE) return;
      ctx.report({ rule: f.rule.name, messageId: f.messageId, data: f.data, location: { byteOffset: f.at }, evidence: f.evidence });
    },
    imports(records: Iterable<GlobalRecord>) {
      for (const r of records) {
        const key = `${r.module}\n${r.name}`;
        const entry = imports.get(key) ?? { module: r.module, name: r.name, path: r.path, verdict: r.verdict.level, count: 0, calls: 0 };
        entry.count += r.references;
        entry.calls += r.calls;
        imports.set(key, entry);
      }
    },
    fail(code, message) {
      const key = `${code}\n${message}`;
      if (failures.has(key)) return;
      failures.add(key);
      ctx.fail(code, message);
    },
    flush() {
      for (const entry of [...imports.values()].slice(0, 1000)) {
        ctx.inventory({ file: file.path, ...entry });
      }
    },
  };
}
