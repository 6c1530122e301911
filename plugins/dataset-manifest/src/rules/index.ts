import type { RuleMeta } from '@modelgate/plugin-api';
import type { Rule } from '../rule.js';
import { baseModelDigestMismatch } from './base-model-digest-mismatch.js';
import { dateOutOfRange } from './date-out-of-range.js';
import { digestInvalid } from './digest-invalid.js';
import { digestMismatch } from './digest-mismatch.js';
import { digestMissing } from './digest-missing.js';
import { digestWeak } from './digest-weak.js';
import { entryDuplicate } from './entry-duplicate.js';
import { entryInvalid } from './entry-invalid.js';
import { fileMissing } from './file-missing.js';
import { fileUnlisted } from './file-unlisted.js';
import { pathUnsafe } from './path-unsafe.js';
import { provenanceIncomplete } from './provenance-incomplete.js';
import { rowCountMismatch } from './row-count-mismatch.js';
import { scriptDigestMismatch } from './script-digest-mismatch.js';
import { signingManifestInconsistent } from './signing-manifest-inconsistent.js';

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [
  digestMismatch,
  baseModelDigestMismatch,
  scriptDigestMismatch,
  fileMissing,
  pathUnsafe,
  signingManifestInconsistent,
  fileUnlisted,
  digestWeak,
  digestInvalid,
  entryDuplicate,
  rowCountMismatch,
  digestMissing,
  entryInvalid,
  dateOutOfRange,
  provenanceIncomplete,
];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));
