import { defineRule } from '../rule.js';

/** A file named like a shard of an index but not referenced by it. */
export const shardUnreferenced = defineRule('shard-unreferenced', {
  description: "A file in the directory is named like one of the index's shards but the index does not reference it.",
  defaultSeverity: 'low',
  messages: {
    unreferenced: 'Shard {{shard}} is named like part of {{index}} but the index does not reference it',
  },
  tags: ['sharding', 'hygiene'],
});
