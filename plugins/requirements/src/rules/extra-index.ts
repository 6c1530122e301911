import { defineRule } from '../rule.js';

/** An extra package index, or several indexes serving the same names, allows dependency confusion (the 2022 torchtriton attack). */
export const extraIndex = defineRule('extra-index', {
  description: 'An extra package index, or several indexes serving the same names, allows dependency confusion (the 2022 torchtriton attack).',
  defaultSeverity: 'high',
  messages: {
    extraIndex: '{{option}} {{url}}: pip takes the best version from any index, so whoever registers a name on either index can win',
    severalIndexes: 'Several indexes ({{names}}) can serve the same names: {{why}}',
  },
  tags: ['supply-chain', 'dependency-confusion'], cwe: ['CWE-427'],
});
