import type { DirectoryHandle, DirectoryScanner, FileHandle, FileScanner } from '@modelgate/plugin-api';
import { createTestContext, type TestFinding } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

/** A reported finding with the severity and message the engine would derive (checked by the kit's context). */
export type Finding = TestFinding;

/** Runs the file scanner on one file. */
export async function scanFile(file: FileHandle): Promise<Finding[]> {
  const { ctx, run } = createTestContext(plugin);
  const scanner = plugin.scanners.find((s): s is FileScanner => s.scope !== 'directory');
  if (!scanner) throw new Error('no file scanner');
  await scanner.scan(file, ctx);
  return run.findings;
}

/** Runs the directory scanner on one directory. */
export async function scanDirectory(directory: DirectoryHandle): Promise<Finding[]> {
  const { ctx, run } = createTestContext(plugin);
  const scanner = plugin.scanners.find((s): s is DirectoryScanner => s.scope === 'directory');
  if (!scanner) throw new Error('no directory scanner');
  await scanner.scan(directory, ctx);
  return run.findings;
}

/** `rule/messageId` of each finding, for compact assertions. */
export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}/${f.messageId}`);
}
