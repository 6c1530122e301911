import { defineRule } from '../rule.js';

/** A shard the index needs that is absent or not loadable. */
export const shardMissing = defineRule('shard-missing', {
  description: 'A shard file named in the index does not exist in the scan or is not a loadable safetensors file.',
  defaultSeverity: 'high',
  messages: {
    missing: 'Shard {{shard}}, named for {{count}} tensors in the index, does not exist',
    unreadable: 'Shard {{shard}} is not a loadable safetensors file ({{reason}})',
  },
  tags: ['sharding', 'unloadable'],
});
