/** JSON Schema of the plugin's options, validated by the engine. */
export const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Licences allowed (SPDX ids, Hugging Face ids or LicenseRef-s); anything else violates the policy.' },
    deny: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Licences that violate the policy wherever they apply.' },
    use: { enum: ['commercial', 'research'], description: 'Intended use: commercial flags non-commercial licences.' },
  },
} as const;
