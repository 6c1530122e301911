import { defineRule } from '../rule.js';

/** A `*.safetensors.index.json` that cannot describe a sharded checkpoint. */
export const shardIndexInvalid = defineRule('shard-index-invalid', {
  description: 'A sharded-checkpoint index is not valid JSON, has no weight_map object, or maps tensors to non-strings.',
  defaultSeverity: 'high',
  messages: {
    tooLarge: 'Index is {{size}} bytes, over the {{limit}}-byte limit this scanner reads',
    notJson: 'Index is not valid JSON: {{reason}} at byte {{offset}}',
    notObject: 'Index JSON is {{type}}, not an object',
    noWeightMap: 'Index has no weight_map object (found {{type}})',
    nonStringShard: 'weight_map entry {{name}} maps to {{type}}, not a shard file name',
  },
  tags: ['sharding', 'unloadable'],
});
