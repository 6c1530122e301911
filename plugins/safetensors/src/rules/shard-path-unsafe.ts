import { defineRule } from '../rule.js';

/** Shard names that point outside the model directory; they are never opened. */
export const shardPathUnsafe = defineRule('shard-path-unsafe', {
  description: 'A shard named in the index is an absolute path, climbs out with "..", is a URL, or is not a usable file name.',
  defaultSeverity: 'high',
  messages: {
    traversal: "Shard path {{shard}} climbs out of the model directory with '..'",
    absolute: 'Shard path {{shard}} is absolute',
    url: 'Shard path {{shard}} is a URL',
    invalid: 'Shard path {{shard}} is empty or holds control characters',
  },
  tags: ['sharding', 'path-traversal'],
  cwe: ['CWE-22', 'CWE-36'],
});
