import type { DirectoryScanner } from '@modelgate/plugin-api';
import { analyzeTree } from '../analysis/analyze.js';
import { inventoryEntry } from '../analysis/inventory.js';
import { readPolicy } from '../options.js';
import { createReporter } from '../reporter.js';
import { CHECKS } from '../rules/index.js';
import { buildUnits } from '../tree/build-units.js';
import { licenseScannerDeclaration } from './declarations.js';

/**
 * Reads every licence source, works out each model's and dataset's licence, runs
 * the rules and records the licence inventory.
 */
export const licenseScanner: DirectoryScanner = {
  ...licenseScannerDeclaration,
  async scan(directory, ctx) {
    const tree = await buildUnits(directory, ctx.signal);
    if (ctx.signal.aborted) return;
    const analyses = analyzeTree(tree);
    const cx = { analyses, problems: tree.problems, policy: readPolicy(ctx.options), report: createReporter(ctx) };
    for (const check of CHECKS) check(cx);
    for (const analysis of analyses) ctx.inventory(inventoryEntry(analysis));
  },
};
