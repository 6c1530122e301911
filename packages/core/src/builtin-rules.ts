import type { Plugin } from '@modelgate/plugin-api';

/**
 * Rules the engine itself reports, about containers (archive anomalies, bombs, depth).
 * They live in the `container` namespace and appear in `modelgate rules` like any plugin's.
 */
export const containerRules: Plugin = {
  apiVersion: 1,
  meta: { name: '@modelgate/core', version: '0.1.0', namespace: 'container' },
  scanners: [],
  rules: {
    'depth-limit': {
      description: 'An archive nested deeper than the configured depth limit was not expanded.',
      defaultSeverity: 'medium',
      messages: { tooDeep: 'Archive nested {{depth}} levels deep was not expanded (limit {{limit}}).' },
    },
  },
};
