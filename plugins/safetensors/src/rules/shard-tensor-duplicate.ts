import { defineRule } from '../rule.js';

/** One tensor name defined by two or more shard headers. */
export const shardTensorDuplicate = defineRule('shard-tensor-duplicate', {
  description:
    'The same tensor is defined in more than one shard, so loaders that follow the index and loaders that read every shard get different weights.',
  defaultSeverity: 'high',
  messages: {
    duplicate: 'Tensor {{name}} is defined in {{count}} shards ({{shards}}); the index maps it to {{mapped}}',
  },
  tags: ['sharding', 'parser-differential'],
  cwe: ['CWE-436'],
});
