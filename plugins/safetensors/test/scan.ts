import type {
  DirectoryHandle,
  DirectoryScanner,
  FileHandle,
  FileScanner,
  FindingReport,
  ScanContext,
  Severity,
} from '@modelgate/plugin-api';
import { expect } from 'vitest';
import plugin from '../src/index.js';

/** A reported finding with the severity and message the engine would derive. */
export interface Finding extends FindingReport {
  severity: Severity;
  message: string;
}

/** A context that checks each report against the declared rules, like the test kit does. */
function context(findings: Finding[]): ScanContext {
  return {
    options: {},
    signal: new AbortController().signal,
    inventory() {},
    fail() {},
    report(f) {
      const meta = plugin.rules[f.rule];
      expect(meta, `rule ${f.rule} is declared`).toBeDefined();
      const template = meta!.messages[f.messageId];
      expect(template, `message ${f.rule}/${f.messageId} is declared`).toBeDefined();
      const message = template!.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
        expect(f.data?.[key], `placeholder ${key} of ${f.rule}/${f.messageId} is filled`).toBeDefined();
        return String(f.data![key]);
      });
      expect(() => JSON.stringify(f)).not.toThrow();
      findings.push({ ...f, severity: meta!.defaultSeverity, message });
    },
  };
}

/** Runs the file scanner on one file. */
export async function scanFile(file: FileHandle): Promise<Finding[]> {
  const findings: Finding[] = [];
  const scanner = plugin.scanners.find((s): s is FileScanner => s.scope !== 'directory');
  if (!scanner) throw new Error('no file scanner');
  await scanner.scan(file, context(findings));
  return findings;
}

/** Runs the directory scanner on one directory. */
export async function scanDirectory(directory: DirectoryHandle): Promise<Finding[]> {
  const findings: Finding[] = [];
  const scanner = plugin.scanners.find((s): s is DirectoryScanner => s.scope === 'directory');
  if (!scanner) throw new Error('no directory scanner');
  await scanner.scan(directory, context(findings));
  return findings;
}

/** `rule/messageId` of each finding, for compact assertions. */
export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}/${f.messageId}`);
}
