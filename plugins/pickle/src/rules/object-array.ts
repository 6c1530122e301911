import { defineRule } from '../rule.js';

/** A `.npy` array with an object dtype: its data is a pickle, loaded only with `allow_pickle=True`. */
export const objectArray = defineRule('object-array', {
  description: 'A numpy .npy array has an object dtype, so its data is a pickle (numpy.load needs allow_pickle=True).',
  defaultSeverity: 'low',
  messages: {
    object: 'numpy array with object dtype {{descr}}: its data is a pickle',
  },
  tags: ['deserialization'],
  cwe: ['CWE-502'],
});
