import type { Command } from 'commander';

/**
 * `modelgate db update` / `modelgate db import PATH` (issue: requirements plugin).
 * Not implemented yet: registers nothing.
 */
export function registerDbCommand(_program: Command, _result: { code: number }): void {}
