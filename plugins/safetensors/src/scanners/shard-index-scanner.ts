import type { DirectoryScanner } from '@modelgate/plugin-api';
import { checkShardIndex } from '../check-shard-index.js';
import { createReporter } from '../reporter.js';
import { INDEX_SUFFIX, shardIndexScannerDeclaration } from './declarations.js';


/** Checks every shard index of a directory against the shards it names. */
export const shardIndexScanner: DirectoryScanner = {
  ...shardIndexScannerDeclaration,
  async scan(directory, ctx) {
    const report = createReporter(ctx);
    for (const entry of directory.entries) {
      if (ctx.signal.aborted) return;
      if (entry.kind === 'directory' || !entry.name.endsWith(INDEX_SUFFIX)) continue;
      await checkShardIndex(directory, entry.name, report, ctx.signal);
    }
  },
};
