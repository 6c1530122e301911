import { defineRule } from '../rule.js';

/** The index maps a tensor to a shard whose header lacks it. */
export const shardTensorMissing = defineRule('shard-tensor-missing', {
  description: "A tensor listed in the index weight_map is absent from its shard's header.",
  defaultSeverity: 'high',
  messages: {
    missing: 'Tensor {{name}} is mapped to shard {{shard}}, whose header does not define it',
  },
  tags: ['sharding', 'unloadable'],
});
