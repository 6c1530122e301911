import type { RuleMeta } from '@modelgate/plugin-api';
import { defineRule, type Rule } from '../rule.js';

// The declarations of every rule, apart from their checks: the plugin's light entry needs these
// and nothing else.

/** A model or dataset with no licence anywhere. */
export const missingLicense = defineRule('missing-license', {
  description: 'No licence is declared for a model or dataset: not in its card, manifest, provenance file, a licence file or its weights\' metadata.',
  defaultSeverity: 'medium',
  messages: {
    model: 'No licence found for model "{{name}}"',
    dataset: 'No licence found for dataset "{{name}}"',
    declaredUnknown: 'The {{kind}} "{{name}}" declares its licence as "unknown"',
  },
  tags: ['license', 'compliance'],
});

/** A licence that is neither SPDX nor a known model licence, or does not parse. */
export const unknownLicense = defineRule('unknown-license', {
  description: 'A declared licence is neither an SPDX licence nor a known model licence, does not parse as an SPDX expression, or a licence file matches no known licence text.',
  defaultSeverity: 'low',
  messages: {
    unknown: 'Licence "{{value}}" is neither an SPDX id nor a known model licence',
    unknownSuggest: 'Licence "{{value}}" is neither an SPDX id nor a known model licence (did you mean "{{suggestion}}"?)',
    unparsable: 'Licence expression "{{value}}" does not parse: {{error}}',
    otherUnnamed: '"license: other" without a "license_name" says nothing about the licence',
    unidentifiedFile: 'Licence file {{file}} matches no known licence text (closest: {{closest}}, {{similarity}} similar)',
  },
  tags: ['license'],
});

/** Declarations of one model or dataset that disagree. */
export const licenseMismatch = defineRule('license-mismatch', {
  description: 'The licence a card declares disagrees with its LICENSE text, its weights\' metadata or its provenance, or the card declares conflicting licences itself.',
  defaultSeverity: 'medium',
  messages: {
    fileDiffers: '{{path}} declares {{declared}} but {{file}} is the text of {{found}} ({{similarity}} similar)',
    fileUnmatched: '{{path}} declares {{declared}} but {{file}} does not hold that licence text (closest: {{found}}, {{similarity}} similar)',
    sourceDiffers: '{{path}} declares {{declared}} but {{from}} {{file}} says {{found}}',
    cardConflict: '{{path}} declares conflicting licences in "{{key}}": {{values}} (lines {{lines}})',
  },
  tags: ['license', 'compliance'],
});

/** A model licensed more permissively than its training data or base model allows. */
export const upstreamConflict = defineRule('upstream-conflict', {
  description: 'A model\'s licence is more permissive than its base model or training data allow: it drops their non-commercial, no-derivatives, share-alike or use restrictions, or the licence terms they pass to derivatives.',
  defaultSeverity: 'high',
  messages: {
    baseModel: 'Model "{{name}}" is licensed {{license}}, but its base model {{upstream}} is {{upstreamLicense}}: {{restriction}} not carried over',
    dataset: 'Model "{{name}}" is licensed {{license}}, but its training data {{upstream}} is {{upstreamLicense}}: {{restriction}} not carried over',
  },
  tags: ['license', 'compliance'],
});

/** Use restrictions (RAIL, Llama, Gemma, …) that bind users of a model or dataset. */
export const useRestriction = defineRule('use-restriction', {
  description: 'A model or dataset carries use-based restrictions (an OpenRAIL attachment, the Llama or Gemma acceptable-use terms, …) that bind every user and must be passed on.',
  defaultSeverity: 'info',
  messages: {
    restricted: 'The {{kind}} "{{name}}" carries use restrictions of {{license}}: {{restriction}}',
  },
  tags: ['license'],
});

/** A licence the configured policy does not accept. */
export const policyViolation = defineRule('policy-violation', {
  description: 'A model\'s or dataset\'s effective licence violates the configured licence policy (license.allow, license.deny, license.use).',
  defaultSeverity: 'high',
  messages: {
    denied: 'The {{kind}} "{{name}}" is under {{license}}, which the licence policy denies',
    notAllowed: 'The {{kind}} "{{name}}" is under {{license}}, which is not in the licence policy\'s allow list',
    noLicense: 'The {{kind}} "{{name}}" has no licence, and the licence policy allows only listed licences',
    commercial: 'The {{kind}} "{{name}}" is under {{license}}, which forbids the commercial use the licence policy declares',
  },
  tags: ['license', 'policy'],
});

/** A licence source that could not be read. */
export const invalidMetadata = defineRule('invalid-metadata', {
  description: 'A card\'s front matter, a manifest or provenance file is not valid YAML/JSON, a file named like a licence is not text, or a licence source could not be read, so the licence it may state was not considered.',
  defaultSeverity: 'low',
  messages: {
    invalidYaml: '{{path}} is not valid YAML ({{detail}}): its licence statements were not read',
    invalidJson: '{{path}} is not valid JSON ({{detail}}): its licence statements were not read',
    notText: '{{path}} is not text ({{detail}}) and was not treated as a licence or card',
    unreadable: '{{path}} could not be read ({{detail}}): its licence statements were not considered',
  },
  tags: ['license', 'format'],
});

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [missingLicense, unknownLicense, licenseMismatch, upstreamConflict, useRestriction, policyViolation, invalidMetadata];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));
