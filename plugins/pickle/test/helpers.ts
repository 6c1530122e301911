import type { FileFormat } from '@modelgate/plugin-api';
import { MemoryFile, scanFileWith, type TestRun } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

/** Scans bytes as one file (format 'pickle' unless given) with the whole plugin. */
export async function scan(bytes: Uint8Array, options: { path?: string; format?: FileFormat; config?: Record<string, unknown>; size?: number } = {}): Promise<TestRun> {
  const file = new MemoryFile(options.path ?? 'model.pkl', bytes, { format: options.format ?? 'pickle', ...(options.size !== undefined && { size: options.size }) });
  return scanFileWith(plugin, file, options.config ? { options: options.config } : {});
}

/** `rule/messageId` of each finding. */
export function ids(run: TestRun): string[] {
  return run.findings.map((f) => `${f.rule}/${f.messageId}`);
}

/** Findings at high or critical. */
export function serious(run: TestRun): TestRun['findings'] {
  return run.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
}

/** The first finding of a rule (throws when there is none). */
export function first(run: TestRun, rule: string, messageId?: string): TestRun['findings'][number] {
  const found = run.findings.find((f) => f.rule === rule && (messageId === undefined || f.messageId === messageId));
  if (!found) throw new Error(`no ${rule}${messageId ? `/${messageId}` : ''} finding; got ${JSON.stringify(ids(run))}`);
  return found;
}
