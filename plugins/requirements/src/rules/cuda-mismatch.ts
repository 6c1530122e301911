import { defineRule } from '../rule.js';

/** CUDA versions disagree between a torch local version (+cu121), a PyTorch wheel index URL and a base image. */
export const cudaMismatch = defineRule('cuda-mismatch', {
  description: 'CUDA versions disagree between a torch local version (+cu121), a PyTorch wheel index URL and a base image.',
  defaultSeverity: 'medium',
  messages: {
    mismatch: 'CUDA {{cuda}} from {{source}} ({{text}}) disagrees with CUDA {{otherCuda}} from {{otherSource}} ({{otherText}}) in {{otherPath}}',
  },
  tags: ['compatibility', 'cuda'],
});
