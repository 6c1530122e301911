import { InvalidArgumentError } from 'commander';
import { isSeverity, type Severity } from '@modelgate/plugin-api';
import { parseByteSize } from '@modelgate/core';
import type { OutputFormat } from '@modelgate/formatters';

/** Commander argument parsers: each throws InvalidArgumentError, which becomes exit code 2. */
export const parse = {
  severity(value: string): Severity {
    if (!isSeverity(value)) throw new InvalidArgumentError('expected one of critical, high, medium, low, info.');
    return value;
  },
  concurrency(value: string): 'auto' | 'off' | number {
    if (value === 'auto' || value === 'off') return value;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected auto, off or a number of workers from 1 to 256.');
    return n;
  },
  byteSize(value: string): number {
    try {
      return parseByteSize(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  },
  seconds(value: string): number {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
    return n;
  },
};

/** The options of `modelgate scan`, as commander parses them. */
export interface ScanFlags {
  format: OutputFormat;
  output?: string;
  failOn?: Severity;
  /** Lowest severity shown in the output (what fails is `failOn`). */
  severity?: Severity;
  /** Suppression file; default `.modelgate-ignore.yaml` next to the config, else in the working directory. */
  ignoreFile?: string;
  /** Baseline whose findings are suppressed. */
  baseline?: string;
  /** Where to record this scan's findings as a baseline. */
  writeBaseline?: string;
  /** Rewrite the suppression file without its unused entries. */
  pruneSuppressions?: boolean;
  config?: string;
  concurrency?: 'auto' | 'off' | number;
  maxFileSize?: number;
  timeout?: number;
  hash: boolean;
  progress: boolean;
  quiet?: boolean;
  color?: boolean;
  advisories?: string;
}
