import type { Command } from 'commander';

/**
 * `modelgate serve` (issue: server app). Not implemented yet: registers nothing.
 */
export function registerServeCommand(_program: Command, _result: { code: number }): void {}
