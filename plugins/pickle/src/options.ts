import type { PolicyOptions } from './policy/classify.js';

/** JSON Schema of `pickle:` options in the config. */
export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: {
      type: 'array',
      description: 'Extra globals to allow: `module.name`, or `prefix.*` for everything below a prefix.',
      items: { type: 'string', minLength: 1 },
    },
    deny: {
      type: 'array',
      description: 'Extra globals to deny (critical): `module.name`, or `prefix.*`.',
      items: { type: 'string', minLength: 1 },
    },
  },
} as const;

/** Reads validated options into a {@link PolicyOptions}, ignoring anything malformed. */
export function policyOptions(options: Readonly<Record<string, unknown>>): PolicyOptions {
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
  const allow = strings(options['allow']);
  const deny = strings(options['deny']);
  return { ...(allow && { allow }), ...(deny && { deny }) };
}
