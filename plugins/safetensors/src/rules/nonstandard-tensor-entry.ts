import { defineRule } from '../rule.js';

/** Entry forms serde accepts but the format (and most other readers) do not. */
export const nonstandardTensorEntry = defineRule('nonstandard-tensor-entry', {
  description:
    'A tensor entry uses a form that the Rust loader (serde) accepts but the format and other readers do not, so readers disagree about the file.',
  defaultSeverity: 'medium',
  messages: {
    entryAsArray:
      'Tensor {{name}} is written as an array [dtype, shape, data_offsets]; serde accepts it, the format and most other readers do not',
    dtypeAsMap:
      'Tensor {{name}} writes its dtype as {"{{dtype}}": null}; serde accepts it, the format and most other readers do not',
  },
  tags: ['parser-differential'],
  cwe: ['CWE-436'],
});
