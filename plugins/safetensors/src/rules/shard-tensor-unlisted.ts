import { defineRule } from '../rule.js';

/** A shard tensor the index does not map to that shard. */
export const shardTensorUnlisted = defineRule('shard-tensor-unlisted', {
  description: 'A shard defines a tensor that the index weight_map does not list, or lists under another shard.',
  defaultSeverity: 'medium',
  messages: {
    unlisted: 'Tensor {{name}} in shard {{shard}} is not listed in the index {{index}}',
    mappedElsewhere: 'Tensor {{name}} in shard {{shard}} is mapped to {{mapped}} by the index {{index}}',
  },
  tags: ['sharding', 'hidden-content'],
});
