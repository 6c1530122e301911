import { defineRule } from '../rule.js';

/** Declared row counts that the data does not have. */
export const rowCountMismatch = defineRule('row-count-mismatch', {
  description: 'A declared row count (an entry row_count, validation.row_count, or a dataset card split num_examples) differs from the rows of the CSV, TSV, JSON Lines or Parquet data.',
  defaultSeverity: 'medium',
  messages: {
    file: '{{file}} has {{actual}} rows, {{document}} declares {{declared}}',
    total: 'The data files of {{document}} hold {{actual}} rows in total, validation.row_count declares {{declared}}',
    split: 'Split {{split}} of {{document}} has {{actual}} rows in its data files, num_examples declares {{declared}}',
  },
  tags: ['data-integrity'],
});
