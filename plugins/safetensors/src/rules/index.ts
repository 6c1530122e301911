import type { RuleMeta } from '@modelgate/plugin-api';
import type { Rule } from '../rule.js';
import { bufferTruncated } from './buffer-truncated.js';
import { duplicateKey } from './duplicate-key.js';
import { headerLengthOutOfBounds } from './header-length-out-of-bounds.js';
import { headerPadding } from './header-padding.js';
import { headerTooLarge } from './header-too-large.js';
import { headerTooSmall } from './header-too-small.js';
import { invalidHeader } from './invalid-header.js';
import { invalidMetadata } from './invalid-metadata.js';
import { invalidOffsets } from './invalid-offsets.js';
import { invalidTensorEntry } from './invalid-tensor-entry.js';
import { nonstandardTensorEntry } from './nonstandard-tensor-entry.js';
import { shardIndexInvalid } from './shard-index-invalid.js';
import { shardMissing } from './shard-missing.js';
import { shardPathUnsafe } from './shard-path-unsafe.js';
import { shardTensorDuplicate } from './shard-tensor-duplicate.js';
import { shardTensorMissing } from './shard-tensor-missing.js';
import { shardTensorUnlisted } from './shard-tensor-unlisted.js';
import { shardUnreferenced } from './shard-unreferenced.js';
import { suspiciousTensorName } from './suspicious-tensor-name.js';
import { tensorSizeMismatch } from './tensor-size-mismatch.js';
import { trailingData } from './trailing-data.js';

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [
  headerTooSmall,
  headerTooLarge,
  headerLengthOutOfBounds,
  invalidHeader,
  headerPadding,
  duplicateKey,
  invalidMetadata,
  invalidTensorEntry,
  nonstandardTensorEntry,
  tensorSizeMismatch,
  invalidOffsets,
  trailingData,
  bufferTruncated,
  suspiciousTensorName,
  shardIndexInvalid,
  shardPathUnsafe,
  shardMissing,
  shardTensorMissing,
  shardTensorDuplicate,
  shardTensorUnlisted,
  shardUnreferenced,
];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));
