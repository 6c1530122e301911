import { defineRule } from '../rule.js';

/** torch and torchvision / torchaudio versions that do not belong together (the official compatibility tables). */
export const torchMismatch = defineRule('torch-mismatch', {
  description: 'torch and torchvision / torchaudio versions that do not belong together (the official compatibility tables).',
  defaultSeverity: 'high',
  messages: {
    mismatch: '{{companion}} {{version}} does not belong with torch {{torch}} (expected {{companion}} {{expected}})',
  },
  tags: ['compatibility', 'pytorch'],
});
