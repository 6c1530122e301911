import type { Command } from 'commander';

/**
 * `modelgate manifest create DIR` / `modelgate manifest verify DIR [--manifest FILE]`
 * (issue: dataset-manifest plugin). Not implemented yet: registers nothing.
 */
export function registerManifestCommand(_program: Command, _result: { code: number }): void {}
