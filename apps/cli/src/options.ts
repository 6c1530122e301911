import { InvalidArgumentError } from 'commander';
import { isSeverity, type Severity } from '@modelgate/plugin-api';
import { parseByteSize } from '@modelgate/core';

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
  format: 'table' | 'json' | 'sarif';
  output?: string;
  failOn?: Severity;
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
